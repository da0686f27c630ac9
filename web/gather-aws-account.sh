#!/bin/sh
# Files for `planner import aws`. The planner never calls AWS: run these with your credentials.
# 1. The functions (the CLI reads every page):
aws lambda list-functions --output json > functions.json

# 2. Each function's reserved and provisioned concurrency (a file per function, named after it):
for f in $(aws lambda list-functions --query 'Functions[].FunctionName' --output text); do
  aws lambda get-function-concurrency --function-name "$f" --output json > "concurrency.$f.json"
  aws lambda list-provisioned-concurrency-configs --function-name "$f" --output json > "provisioned.$f.json"
done

# 3. 28 days of hourly metrics. The queries: planner import aws --queries --functions functions.json --part K > metric-queries-K.json
start=$(date -u -d "-28 days" +%Y-%m-%dT%H:00:00Z); end=$(date -u +%Y-%m-%dT%H:00:00Z)
planner import aws --queries --functions functions.json --part 1 > metric-queries-1.json
aws cloudwatch get-metric-data --metric-data-queries file://metric-queries-1.json --start-time "$start" --end-time "$end" --output json > metrics-1.json

# 4. The scenario:
planner import aws --functions functions.json --concurrency concurrency.*.json provisioned.*.json --metrics metrics-*.json > scenario.json
