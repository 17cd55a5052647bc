"""Runs calls under an IAM identity policy against the SageMaker Workforce Fake server with boto3.

Usage: python3 boto3_iam.py ENDPOINT_URL

Sets the policy over the admin API (PUT /_fake/iam/policy), as a Python test of its own code
would, then makes allowed and denied calls, and reads the policy the calls needed
(GET /_fake/iam/required-policy). Credentials and region come from the environment.

Prints one JSON object: step name -> {"ok": response} or {"error": {"Code", "Status", "Message"}}.
Run by IamOverHttpTest, which asserts on the steps.
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

POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow",
         "Action": ["sagemaker:CreateWorkteam", "sagemaker:DescribeWorkteam", "sagemaker:DeleteWorkteam"],
         "Resource": "arn:aws:sagemaker:*:*:workteam/private-crowd/allowed-*"},
        {"Effect": "Allow", "Action": "sagemaker:ListWorkteams", "Resource": "*"},
        {"Effect": "Allow", "Action": "cognito-idp:*", "Resource": "*"},
        {"Sid": "NeverDelete", "Effect": "Deny", "Action": "sagemaker:Delete*", "Resource": "*"},
    ],
}
MEMBERS = [{"CognitoMemberDefinition": {"UserPool": "us-east-1_abc123", "ClientId": "client1", "UserGroup": "g"}}]


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


def admin(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(endpoint + "/_fake" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


admin("PUT", "/iam/policy", POLICY)
step("CreateWorkteam allowed", sm.create_workteam, WorkteamName="allowed-1", Description="d",
     MemberDefinitions=MEMBERS)
step("DescribeWorkteam allowed", sm.describe_workteam, WorkteamName="allowed-1")
step("ListWorkteams", sm.list_workteams)
step("CreateWorkteam other", sm.create_workteam, WorkteamName="other", Description="d", MemberDefinitions=MEMBERS)
step("CreateWorkteam with tags", sm.create_workteam, WorkteamName="allowed-2", Description="d",
     MemberDefinitions=MEMBERS, Tags=[{"Key": "team", "Value": "a"}])
step("DeleteWorkteam", sm.delete_workteam, WorkteamName="allowed-1")
step("ListWorkforces", sm.list_workforces)
results["State"] = admin("GET", "/state?account=123456789012&region=us-east-1")
results["RequiredPolicy"] = admin("GET", "/iam/required-policy?account=123456789012&region=us-east-1")
print(json.dumps(results, default=str))
