# Account 111122223333, us-east-1: the labeling plane around the team "labelers":
# a worker task template and a human review workflow (A2I flow definition) that
# routes reviews to the team. The flow names the template and the team by their
# ARNs as text (with depends_on for the order): the test deletes the team behind
# Terraform's back and imports the template into a fresh state, and a replaced
# team or template must not drag the flow along (its human_loop_config forces a
# new flow). The provider cannot read a template's content back
# (DescribeHumanTaskUi returns only its digest), so an imported template plans a
# replacement, as on AWS.
# (aws_sagemaker_labeling_job needs provider 6.x; this module pins 5.100.0.)

resource "aws_sagemaker_human_task_ui" "review" {
  human_task_ui_name = "review-ui"

  ui_template {
    content = "<crowd-form><crowd-classifier name=\"verdict\" categories=\"['ok', 'wrong']\" header=\"Is the label right?\"></crowd-classifier></crowd-form>"
  }

  tags = {
    team = "labelers"
  }
}

resource "aws_sagemaker_flow_definition" "review" {
  flow_definition_name = "label-review"
  role_arn             = "arn:aws:iam::111122223333:role/a2i-review"

  human_loop_config {
    human_task_ui_arn                     = "arn:aws:sagemaker:us-east-1:111122223333:human-task-ui/review-ui"
    task_availability_lifetime_in_seconds = 3600
    task_count                            = 1
    task_description                      = "Check the label"
    task_title                            = "Label review"
    workteam_arn                          = "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/labelers"
  }

  output_config {
    s3_output_path = "s3://labeling-reviews/output"
  }

  tags = {
    team = "labelers"
  }

  depends_on = [aws_sagemaker_human_task_ui.review, aws_sagemaker_workteam.labelers]
}
