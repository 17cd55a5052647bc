# Account 444455556666, eu-west-1: an OIDC workforce in a VPC and one team.

resource "aws_sagemaker_workforce" "oidc" {
  provider       = aws.oidc
  workforce_name = "labeling-oidc"

  oidc_config {
    authorization_endpoint = "https://idp.example.com/authorize"
    client_id              = "labeling-oidc-client"
    client_secret          = "labeling-oidc-secret"
    issuer                 = "https://idp.example.com"
    jwks_uri               = "https://idp.example.com/jwks"
    logout_endpoint        = "https://idp.example.com/logout"
    token_endpoint         = "https://idp.example.com/token"
    user_info_endpoint     = "https://idp.example.com/userinfo"
    scope                  = "openid email"
  }

  source_ip_config {
    cidrs = ["203.0.113.0/24"]
  }

  # Removed by the test: the provider then sends an empty WorkforceVpcConfig.
  dynamic "workforce_vpc_config" {
    for_each = var.oidc_in_vpc ? [1] : []
    content {
      vpc_id             = "vpc-0123456789abcdef0"
      security_group_ids = ["sg-0123456789abcdef0"]
      subnets            = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    }
  }
}

resource "aws_sagemaker_workteam" "reviewers" {
  provider       = aws.oidc
  workteam_name  = "reviewers"
  workforce_name = aws_sagemaker_workforce.oidc.workforce_name
  description    = "Reviews labels"

  member_definition {
    oidc_member_definition {
      groups = ["reviewers", "leads"]
    }
  }

  # Removed by the test, as Terraform's acceptance test testAccWorkteam_notificationConfig does.
  dynamic "notification_configuration" {
    for_each = var.notify_reviewers ? [1] : []
    content {
      notification_topic_arn = "arn:aws:sns:eu-west-1:444455556666:reviews"
    }
  }

  worker_access_configuration {
    s3_presign {
      iam_policy_constraints {
        vpc_source_ip = "Enabled"
      }
    }
  }

  tags = {
    team = "reviewers"
  }
}
