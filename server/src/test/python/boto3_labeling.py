"""Drives the labeling plane of the SageMaker Workforce Fake server with boto3, as a Python user would.

Usage: python3 boto3_labeling.py ENDPOINT_URL

Calls each of the 12 labeling-plane operations (labeling jobs, flow definitions, human task UIs) on
success and error paths, uses boto3's own paginators, and drives a job over the admin API as a
test would. Credentials and region come from the environment.

Prints one JSON object: step name -> {"ok": response} or {"error": {"Code", "Status", "Message"}}.
Run by LabelingOverHttpTest; boto3's own parsing and error mapping are what is under test.
"""
import datetime
import json
import os
import sys
import urllib.request

import boto3
import botocore.config
import botocore.exceptions

endpoint = sys.argv[1]
config = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"})
sm = boto3.client("sagemaker", endpoint_url=endpoint, config=config,
                  aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
                  aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
results = {}


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def step(name, call, **kwargs):
    try:
        response = call(**kwargs)
        response.pop("ResponseMetadata", None)
        results[name] = {"ok": plain(response)}
    except botocore.exceptions.ClientError as e:
        results[name] = {"error": {
            "Code": e.response["Error"]["Code"],
            "Status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "Message": e.response["Error"].get("Message", ""),
        }}


def admin(path, body):
    request = urllib.request.Request(endpoint + "/_fake" + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


cognito = {"CognitoMemberDefinition": {"UserPool": "us-east-1_abc123", "ClientId": "client1", "UserGroup": "g"}}
team = sm.create_workteam(WorkteamName="labelers", Description="Labels", MemberDefinitions=[cognito])["WorkteamArn"]
template = "<crowd-form><crowd-input name='x'></crowd-input></crowd-form>"
role = "arn:aws:iam::123456789012:role/GroundTruth"

step("CreateHumanTaskUi", sm.create_human_task_ui, HumanTaskUiName="review-ui", UiTemplate={"Content": template})
step("CreateHumanTaskUi duplicate", sm.create_human_task_ui, HumanTaskUiName="review-ui",
     UiTemplate={"Content": template})
step("DescribeHumanTaskUi", sm.describe_human_task_ui, HumanTaskUiName="review-ui")
step("DescribeHumanTaskUi missing", sm.describe_human_task_ui, HumanTaskUiName="nope")
ui = results["CreateHumanTaskUi"]["ok"]["HumanTaskUiArn"]
step("ListHumanTaskUis", sm.list_human_task_uis)

flow = dict(FlowDefinitionName="review", RoleArn=role, OutputConfig={"S3OutputPath": "s3://bucket/a2i/"},
            HumanLoopConfig={"WorkteamArn": team, "HumanTaskUiArn": ui, "TaskTitle": "Review",
                             "TaskDescription": "Review it", "TaskCount": 1})
step("CreateFlowDefinition", sm.create_flow_definition, **flow)
step("CreateFlowDefinition unknown team", sm.create_flow_definition,
     **dict(flow, FlowDefinitionName="other", HumanLoopConfig=dict(flow["HumanLoopConfig"],
            WorkteamArn="arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/nobody")))
step("DeleteFlowDefinition while Initializing", sm.delete_flow_definition, FlowDefinitionName="review")
step("DescribeFlowDefinition first", sm.describe_flow_definition, FlowDefinitionName="review")
step("DescribeFlowDefinition second", sm.describe_flow_definition, FlowDefinitionName="review")
step("ListFlowDefinitions", sm.list_flow_definitions)
step("DeleteFlowDefinition", sm.delete_flow_definition, FlowDefinitionName="review")
step("DescribeFlowDefinition deleting", sm.describe_flow_definition, FlowDefinitionName="review")
step("DescribeFlowDefinition gone", sm.describe_flow_definition, FlowDefinitionName="review")
step("DeleteHumanTaskUi", sm.delete_human_task_ui, HumanTaskUiName="review-ui")
step("DeleteHumanTaskUi again", sm.delete_human_task_ui, HumanTaskUiName="review-ui")

job = dict(LabelingJobName="Reviews", LabelAttributeName="label", RoleArn=role,
           InputConfig={"DataSource": {"S3DataSource": {"ManifestS3Uri": "s3://bucket/in.manifest"}}},
           OutputConfig={"S3OutputPath": "s3://bucket/out/"},
           HumanTaskConfig={"WorkteamArn": team, "UiConfig": {"UiTemplateS3Uri": "s3://bucket/t.liquid"},
                            "TaskTitle": "Classify", "TaskDescription": "Pick one",
                            "NumberOfHumanWorkersPerDataObject": 1, "TaskTimeLimitInSeconds": 300},
           Tags=[{"Key": "team", "Value": "nlp"}])
step("CreateLabelingJob", sm.create_labeling_job, **job)
step("CreateLabelingJob same name other case", sm.create_labeling_job, **dict(job, LabelingJobName="reviews"))
step("CreateLabelingJob bad name", sm.create_labeling_job, **dict(job, LabelingJobName="bad_name"))
step("DescribeLabelingJob first", sm.describe_labeling_job, LabelingJobName="Reviews")
step("DescribeLabelingJob missing", sm.describe_labeling_job, LabelingJobName="nope")
admin("/labeling-jobs/Reviews", {"Action": "AddObjects", "Count": 10})
admin("/labeling-jobs/Reviews", {"Action": "Label", "HumanLabeled": 4})
step("DescribeLabelingJob labeled", sm.describe_labeling_job, LabelingJobName="Reviews")
step("ListLabelingJobsForWorkteam", sm.list_labeling_jobs_for_workteam, WorkteamArn=team)
step("ListTags", sm.list_tags, ResourceArn=results["CreateLabelingJob"]["ok"]["LabelingJobArn"])
for i in range(5):
    sm.create_labeling_job(**dict(job, LabelingJobName="paged-%d" % i))
pages = list(sm.get_paginator("list_labeling_jobs").paginate(PaginationConfig={"PageSize": 2}))
results["ListLabelingJobs paginated"] = {"ok": {
    "Pages": len(pages), "Names": [j["LabelingJobName"] for p in pages for j in p["LabelingJobSummaryList"]]}}
step("StopLabelingJob", sm.stop_labeling_job, LabelingJobName="Reviews")
step("DescribeLabelingJob stopping", sm.describe_labeling_job, LabelingJobName="Reviews")
step("DescribeLabelingJob stopped", sm.describe_labeling_job, LabelingJobName="Reviews")
step("StopLabelingJob missing", sm.stop_labeling_job, LabelingJobName="nope")
step("ListLabelingJobs stopped", sm.list_labeling_jobs, StatusEquals="Stopped")

print(json.dumps(results))
