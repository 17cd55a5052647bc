"""Drives the workforce lifecycle of the SageMaker Workforce Fake server with boto3.

Usage: python3 boto3_lifecycle.py ENDPOINT_URL

Runs against a server with the default lifecycle, OBSERVED(1): the first read after a change shows
the transitional status, the next the settled one. Uses the admin API (/_fake/) with urllib to
move the fake clock and to make a provisioning fail, as a Python test of its own code would.
Credentials and region come from the environment.

Prints one JSON object: step name -> {"ok": response} or {"error": {"Code", "Status", "Message"}}.
Run by ClientCompatibilityTest, which asserts on the steps.
"""
import json
import os
import sys
import urllib.request

import boto3
import botocore.config
import botocore.exceptions

endpoint = sys.argv[1]
sm = boto3.client(
    "sagemaker",
    endpoint_url=endpoint,
    config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}),
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
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


def admin(path, body):
    request = urllib.request.Request(endpoint + "/_fake" + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def wait_settled(name):
    """What code for AWS does: poll DescribeWorkforce until the status is no longer transitional."""
    for _ in range(10):
        workforce = sm.describe_workforce(WorkforceName=name)["Workforce"]
        if workforce["Status"] in ("Active", "Failed"):
            return workforce
    raise AssertionError("workforce " + name + " did not settle")


cognito = {"CognitoMemberDefinition": {"UserPool": "us-east-1_abc123", "ClientId": "client1", "UserGroup": "g"}}
topic = "arn:aws:sns:us-east-1:123456789012:labeling"

# The implicit workforce "default" of a Cognito team without a workforce, and its removal with the last team.
step("CreateWorkteam implicit", sm.create_workteam, WorkteamName="labelers", Description="Labels",
     MemberDefinitions=[cognito], NotificationConfiguration={"NotificationTopicArn": topic})
step("DescribeWorkforce default", sm.describe_workforce, WorkforceName="default")
# UpdateWorkteam without NotificationConfiguration removes the topic; the Description stays.
step("UpdateWorkteam without notification", sm.update_workteam, WorkteamName="labelers", MemberDefinitions=[cognito])
step("DescribeWorkteam after update", sm.describe_workteam, WorkteamName="labelers")
step("DeleteWorkteam last", sm.delete_workteam, WorkteamName="labelers")
step("DescribeWorkforce default after last team", sm.describe_workforce, WorkforceName="default")

# An explicit VPC workforce: Initializing without an endpoint, then Active with one.
step("CreateWorkforce", sm.create_workforce, WorkforceName="main",
     CognitoConfig={"UserPool": "us-east-1_abc123", "ClientId": "client1"},
     WorkforceVpcConfig={"VpcId": "vpc-0abc", "SecurityGroupIds": ["sg-0abc"], "Subnets": ["subnet-0abc"]})
step("UpdateWorkforce while Initializing", sm.update_workforce, WorkforceName="main",
     SourceIpConfig={"Cidrs": ["10.0.0.0/16"]})
step("DescribeWorkforce first", sm.describe_workforce, WorkforceName="main")
step("DescribeWorkforce second", sm.describe_workforce, WorkforceName="main")

# LastUpdatedDate: unchanged by a VPC-only update, moved by a SourceIpConfig update.
admin("/clock", {"AdvanceMillis": 60000})
step("UpdateWorkforce vpc only", sm.update_workforce, WorkforceName="main",
     WorkforceVpcConfig={"VpcId": "vpc-0def", "SecurityGroupIds": ["sg-0def"], "Subnets": ["subnet-0def"]})
results["After vpc update"] = {"ok": wait_settled("main")}
admin("/clock", {"AdvanceMillis": 60000})
step("UpdateWorkforce cidrs", sm.update_workforce, WorkforceName="main", SourceIpConfig={"Cidrs": ["10.0.0.0/16"]})
results["After cidr update"] = {"ok": wait_settled("main")}

# A provisioning failure, asked for through the admin API's fault rules.
admin("/faults", {"Operation": "UpdateWorkforce", "Times": 1, "Outcome": "PROVISIONING_FAILURE",
                  "Message": "The subnet subnet-0def has no free IP address."})
step("UpdateWorkforce failing", sm.update_workforce, WorkforceName="main", SourceIpConfig={"Cidrs": ["10.1.0.0/16"]})
results["After failing update"] = {"ok": wait_settled("main")}
step("ListWorkforces failed", sm.list_workforces)

# Delete: Deleting, then gone.
step("DeleteWorkforce", sm.delete_workforce, WorkforceName="main")
step("DescribeWorkforce deleting", sm.describe_workforce, WorkforceName="main")
step("DescribeWorkforce deleted", sm.describe_workforce, WorkforceName="main")

print(json.dumps(results, default=str))
