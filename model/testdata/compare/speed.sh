#!/usr/bin/env bash
# Times `planner calc infrastructure` on N generated functions against the
# spec's Python reference (extracted from ../shared/spec at run time), whole
# process each. Usage: speed.sh PLANNER [N]
set -euo pipefail
planner=$1 n=${2:-10000}
spec=$(dirname "$0")/../../../../shared/spec/serverless-capacity-model.md
if [ ! -f "$spec" ]; then
  echo "speed.sh: no spec at $spec (the shared folder sits beside the checkout); comparison skipped" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$spec" "$work" "$n" <<'PY'
import json, re, sys
spec, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
code = []
for block in re.findall(r'```python\n(.*?)```', open(spec).read(), re.S):
    keep = False
    for line in block.split('\n'):
        if line.startswith('def '):
            keep = True
        elif line and not line[0].isspace() and not line.startswith('#'):
            keep = False
        if keep:
            code.append(line)
open(f'{work}/ref.py', 'w').write('\n'.join(code))
fns = {f'fn_{i}': {'invocations_per_second': i % 500 + 1, 'avg_execution_time_ms': 50 + i % 3000,
                   'allocated_memory_mb': 512, 'actual_memory_usage_mb': 300, 'monthly_invocations': 1000000,
                   'reserved_concurrency': i % 20, 'api_gateway_enabled': i % 2 == 0, 'log_data_gb_monthly': 1.5,
                   'dynamodb_enabled': i % 3 == 0, 's3_enabled': i % 5 == 0} for i in range(n)}
json.dump({'functions': fns, 'secrets_count': 10}, open(f'{work}/input.json', 'w'))
open(f'{work}/run.py', 'w').write(
    'import json, sys\nsys.path.insert(0, sys.argv[1])\nfrom ref import calculate_complete_serverless_infrastructure as f\n'
    'json.dump(f(json.load(sys.stdin)), sys.stdout)\n')
PY
best() { local b=999; for _ in 1 2 3; do s=$(date +%s.%N); "$@" < "$work/input.json" > /dev/null; e=$(date +%s.%N); b=$(awk -v b="$b" -v s="$s" -v e="$e" 'BEGIN { d = e - s; print (d < b) ? d : b }'); done; echo "$b"; }
go_s=$(best "$planner" calc infrastructure)
py_s=$(best python3 "$work/run.py" "$work")
echo "calc infrastructure, $n functions, whole process, best of 3: planner ${go_s}s, Python reference ${py_s}s, speed-up $(echo "$py_s $go_s" | awk '{printf "%.1f", $1/$2}')x"
