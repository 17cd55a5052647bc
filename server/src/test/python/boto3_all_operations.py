"""Drives the SageMaker Workforce Fake server with boto3, as a Python user would.

Usage: python3 boto3_all_operations.py ENDPOINT_URL [MODE]

MODE "all" (the default) calls each of the 16 operations, on success and error paths; MODE
"strict" makes one call signed with AWS_SECRET_ACCESS_KEY and one with a wrong secret. Credentials
and region come from the environment (AWS_ACCESS_KEY_ID=123456789012 selects that account).

Prints one JSON object: step name -> {"ok": response} or {"error": {"Code", "Status", "Message"}}.
Run by ClientCompatibilityTest; boto3's own parsing and error mapping are what is under test.
"""
import json
import os
import sys

import boto3
import botocore.config
import botocore.exceptions

endpoint = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else "all"
config = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"})


def client(secret=None):
    return boto3.client(
        "sagemaker",
        endpoint_url=endpoint,
        config=config,
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=secret or os.environ["AWS_SECRET_ACCESS_KEY"],
    )


results = {}


def step(name, call, **kwargs):
    try:
        response = call(**kwargs)
        response.pop("ResponseMetadata", None)
        results[name] = {"ok": response}
    except botocore.exceptions.ClientError as e:
        results[name] = {"error": {
            "Code": e.response["Error"]["Code"],
            "Status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "Message": e.response["Error"].get("Message", ""),
        }}


if mode == "strict":
    step("signed", client().list_workteams)
    step("wrong secret", client("not-the-secret").list_workteams)
else:
    sm = client()
    cognito = {"CognitoMemberDefinition": {"UserPool": "us-east-1_abc123", "ClientId": "client1", "UserGroup": "g"}}
    step("DescribeWorkforce missing", sm.describe_workforce, WorkforceName="main")
    step("CreateWorkforce", sm.create_workforce, WorkforceName="main",
         CognitoConfig={"UserPool": "us-east-1_abc123", "ClientId": "client1"})
    step("CreateWorkforce second", sm.create_workforce, WorkforceName="main",
         CognitoConfig={"UserPool": "us-east-1_abc123", "ClientId": "client1"})
    step("DescribeWorkforce", sm.describe_workforce, WorkforceName="main")
    # A workforce is Initializing at first; update it only once it is Active, as code for AWS must.
    for _ in range(10):
        if sm.describe_workforce(WorkforceName="main")["Workforce"]["Status"] == "Active":
            break
    step("UpdateWorkforce", sm.update_workforce, WorkforceName="main", SourceIpConfig={"Cidrs": ["10.0.0.0/16"]})
    step("ListWorkforces", sm.list_workforces)
    step("CreateWorkteam", sm.create_workteam, WorkteamName="labelers", Description="Labels",
         MemberDefinitions=[cognito], Tags=[{"Key": "team", "Value": "a"}])
    step("CreateWorkteam duplicate", sm.create_workteam, WorkteamName="labelers", Description="Labels",
         MemberDefinitions=[cognito])
    step("DescribeWorkteam", sm.describe_workteam, WorkteamName="labelers")
    step("DescribeWorkteam missing", sm.describe_workteam, WorkteamName="nobody")
    step("UpdateWorkteam", sm.update_workteam, WorkteamName="labelers", Description="Labels more")
    step("ListWorkteams", sm.list_workteams)
    arn = results["CreateWorkteam"]["ok"]["WorkteamArn"]
    step("AddTags", sm.add_tags, ResourceArn=arn, Tags=[{"Key": "cost-center", "Value": "42"}])
    step("ListTags", sm.list_tags, ResourceArn=arn)
    step("DeleteTags", sm.delete_tags, ResourceArn=arn, TagKeys=["team"])
    step("ListLabelingJobsForWorkteam", sm.list_labeling_jobs_for_workteam, WorkteamArn=arn)
    step("ListLabelingJobsForWorkteam unknown", sm.list_labeling_jobs_for_workteam,
         WorkteamArn=arn.replace("labelers", "ghosts"))
    step("ListSubscribedWorkteams", sm.list_subscribed_workteams)
    step("DescribeSubscribedWorkteam unknown", sm.describe_subscribed_workteam,
         WorkteamArn="arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/nobody")
    step("DeleteWorkforce with teams", sm.delete_workforce, WorkforceName="main")
    step("DeleteWorkteam", sm.delete_workteam, WorkteamName="labelers")
    step("DeleteWorkforce", sm.delete_workforce, WorkforceName="main")
    paginator = sm.get_paginator("list_workteams")
    results["ListWorkteams paginated"] = {"ok": {"Pages": len(list(paginator.paginate()))}}

print(json.dumps(results, default=str))
