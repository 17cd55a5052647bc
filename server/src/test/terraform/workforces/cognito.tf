# Account 111122223333, us-east-1: a Cognito workforce and one team.
# The test also imports exactly these two resources into a fresh state (with
# providers.tf), so this file must plan clean after `terraform import`.

resource "aws_sagemaker_workforce" "cognito" {
  workforce_name = "labeling-cognito"

  cognito_config {
    client_id = "labeling-client"
    user_pool = "us-east-1_EXAMPLE1"
  }

  source_ip_config {
    cidrs = var.cognito_cidrs
  }
}

resource "aws_sagemaker_workteam" "labelers" {
  # No workforce_name: the provider cannot read it back (a Workteam carries only
  # WorkforceArn), so after `terraform import` a team that names its workforce
  # plans a replacement. The API puts the team into the account's only workforce.
  workteam_name = "labelers"
  description   = "Labels images"

  member_definition {
    cognito_member_definition {
      client_id  = "labeling-client"
      user_pool  = "us-east-1_EXAMPLE1"
      user_group = "us-east-1_EXAMPLE1/labelers"
    }
  }

  notification_configuration {
    notification_topic_arn = "arn:aws:sns:us-east-1:111122223333:labeling-jobs"
  }

  worker_access_configuration {
    s3_presign {
      iam_policy_constraints {
        source_ip = "Enabled"
      }
    }
  }

  tags = {
    team = "labelers"
    env  = "test"
  }

  depends_on = [aws_sagemaker_workforce.cognito]
}
