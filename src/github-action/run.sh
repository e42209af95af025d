#!/usr/bin/env bash
# The GitHub Action's run step (action.yml): turns the IN_* inputs into a tenken command line,
# runs it, appends the Markdown summary to $GITHUB_STEP_SUMMARY and sets the step's outputs.
# Never fails itself: the verdict is the exit-code output, applied by the action's last step.
set -uo pipefail
args=("$IN_COMMAND")
case "$IN_COMMAND" in
  scan)
    [[ -n "$IN_REGIONS" ]] && args+=(--region "$IN_REGIONS")
    [[ -n "$IN_PROFILE" ]] && args+=(--profile "$IN_PROFILE")
    [[ -n "$IN_ROLE_ARN" ]] && args+=(--role-arn "$IN_ROLE_ARN")
    [[ -n "$IN_EXTERNAL_ID" ]] && args+=(--external-id "$IN_EXTERNAL_ID")
    ;;
  evaluate|template)
    if [[ -z "$IN_INPUT" ]]; then
      echo "::error::input is required for $IN_COMMAND"
      echo "exit-code=2" >> "${GITHUB_OUTPUT:-/dev/null}"
      exit 0
    fi
    args+=("$IN_INPUT")
    ;;
  *)
    echo "::error::command must be scan, evaluate or template, not '$IN_COMMAND'"
    echo "exit-code=2" >> "${GITHUB_OUTPUT:-/dev/null}"
    exit 0
    ;;
esac
args+=(--out "$IN_OUT" --format "${IN_FORMAT:+$IN_FORMAT,}sarif,markdown" --lang "$IN_LANG" --fail-on "$IN_FAIL_ON")
[[ -n "$IN_CHECKS" ]] && args+=(--checks "$IN_CHECKS")
[[ -n "$IN_EXCLUDE_CHECKS" ]] && args+=(--exclude-checks "$IN_EXCLUDE_CHECKS")
[[ -n "$IN_SERVICES" ]] && args+=(--services "$IN_SERVICES")
[[ -n "$IN_SEVERITY" ]] && args+=(--severity "$IN_SEVERITY")
[[ -n "$IN_POLICY" ]] && args+=(--policy "$IN_POLICY")
[[ -n "$IN_WAIVERS" ]] && args+=(--waivers "$IN_WAIVERS")
[[ -n "$IN_BASELINE" ]] && args+=(--baseline "$IN_BASELINE")
[[ "$IN_FAIL_ON_NEW" == "true" ]] && args+=(--fail-on-new)
[[ "$IN_ALLOW_ERRORS" == "true" ]] && args+=(--allow-collection-errors)

java -jar "$TENKEN_HOME/target/tenken.jar" "${args[@]}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
if [[ -s "$IN_OUT/report.sarif" ]]; then
  echo "sarif=$IN_OUT/report.sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
fi
if [[ -s "$IN_OUT/report.md" && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$IN_OUT/report.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit 0
