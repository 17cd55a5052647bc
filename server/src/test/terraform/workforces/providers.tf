# Provider setup for the fake: TerraformProviderTest runs this module against a
# SageMakerWorkforceServer on loopback. Two provider configurations, because the
# service allows one workforce per account and region: the 12-digit access key
# selects the fake's account, `region` its region.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  description = "The fake's URL, e.g. http://127.0.0.1:9324"
  type        = string
}

variable "cognito_cidrs" {
  description = "Source IPs of the Cognito workforce; the test changes them to drive UpdateWorkforce."
  type        = list(string)
  default     = ["10.0.0.0/16", "192.168.1.0/24"]
}

variable "oidc_in_vpc" {
  description = "Whether the OIDC workforce has a workforce_vpc_config block; the test removes it."
  type        = bool
  default     = true
}

variable "notify_reviewers" {
  description = "Whether the OIDC team has a notification_configuration block; the test removes it."
  type        = bool
  default     = true
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "111122223333" # the fake's account
  secret_key                  = "any-secret"
  skip_credentials_validation = true # no STS call
  skip_requesting_account_id  = true # no STS or IAM call
  skip_metadata_api_check     = true # no instance metadata
  endpoints {
    sagemaker = var.endpoint
  }
}

provider "aws" {
  alias                       = "oidc"
  region                      = "eu-west-1"
  access_key                  = "444455556666"
  secret_key                  = "any-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    sagemaker = var.endpoint
  }
}
