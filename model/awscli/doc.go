// Package awscli reads what the AWS CLI prints about Lambda functions, so
// an account's inventory and measurements can be planned without
// credentials or network: the planner never calls AWS.
//
//   - `aws lambda list-functions` ({"Functions": [...], "NextMarker"}), one
//     `get-function-configuration` object, or `get-function`'s
//     {"Configuration": …}: name, memory, timeout, runtime, architecture
//     (x86_64 when absent: older outputs), ephemeral storage (512 MB when
//     absent), package type, SnapStart, VPC, code size, last modified
//     ("2019-09-26T20:28:40.438+0000": the offset has no colon).
//   - `get-function-concurrency` ({"ReservedConcurrentExecutions"}),
//     `get-provisioned-concurrency-config` (one alias) and
//     `list-provisioned-concurrency-configs` (every alias, each with its
//     FunctionArn). The first two do not name the function: the caller
//     does (the file name the printed commands write).
//   - CloudWatch `get-metric-data` pages ({"MetricDataResults": [{"Id",
//     "Label", "Timestamps", "Values", "StatusCode"}], "NextToken"}), newest
//     first by default; pages are merged by Id and sorted by time.
//     Timestamps are ISO 8601 (CLI v2; offsets with or without a colon) or
//     epoch seconds (CLI v1's wire format).
//
// Commands writes the AWS CLI commands that produce these files, and
// QueryFile the metric-data queries they use: per function Invocations
// (Sum), Duration (Average, p95, p99), ConcurrentExecutions (Maximum),
// Errors and Throttles (Sum), hourly, each labelled "NAME METRIC STAT" so
// the results say whose they are.
//
// Sources: botocore's lambda 2015-03-31 and cloudwatch 2010-08-01 service
// models (aws-cli v2 73fb33bb), awscli/examples/lambda/*.rst and
// awscli/examples/cloudwatch/get-metric-data.rst (aws-cli develop
// 07c4fe36), and the Lambda developer guide's metrics page.
package awscli
