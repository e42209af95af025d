<#-- The JSON report (contract: report.schema.json). Every string goes through ?c, which in
     the JSON c_format writes a quoted, escaped JSON literal; nulls are written explicitly. -->
<#-- A macro parameter that is null takes its default: the marker below stands for "write null". -->
<#macro s v="\x1Fnull"><#if v?is_string && v == "\x1Fnull">null<#else>${v?c}</#if></#macro>
<#macro strings l>[<#list l as x>${x?c}<#sep>, </#sep></#list>]</#macro>
<#macro counts m>{<#list m as k, v>${k?c}: ${v?c}<#sep>, </#sep></#list>}</#macro>
<#macro entries l>[<#list l as e>
      {"ruleId": ${e.ruleId?c}, "resourceId": ${e.resourceId?c}, "region": <@s e.region/>, "severity": ${e.severity?c}, "title": <@s e.title/>, "previousStatus": <@s e.previousStatus/>, "status": <@s e.status/>}<#sep>,</#sep></#list><#if l?has_content>
    </#if>]</#macro>
<#assign m = report.metadata>
{
  "schemaVersion": ${report.schemaVersion?c},
  "metadata": {
    "toolVersion": <@s m.toolVersion/>,
    "rulePackSha256": <@s m.rulePackSha256/>,
    "snapshotSha256": <@s m.snapshotSha256/>,
    "policySha256": <@s m.policySha256/>,
    "accountId": <@s m.accountId/>,
    "partition": <@s m.partition/>,
    "regions": <@strings m.regions/>,
    "collectedAt": <@s m.collectedAt/>,
    "callerArn": <@s m.callerArn/>,
    "snapshotToolVersion": <@s m.snapshotToolVersion/>,
    "lang": <@s m.lang/>,
    "rulePackVersion": <@s m.rulePackVersion/>,
    "waiversSha256": <@s m.waiversSha256/>,
    "asOf": <@s m.asOf/>
  },
  "summary": {
    "total": ${report.summary.total?c},
    "byStatus": <@counts report.summary.byStatus/>,
    "bySeverity": {
<#list report.summary.bySeverity as sev, c>
      ${sev?c}: <@counts c/><#sep>,</#sep>
</#list>
    },
    "byService": {
<#list report.summary.byService as svc, c>
      ${svc?c}: <@counts c/><#sep>,</#sep>
</#list>
    }
  },
  "coverage": [
<#list report.coverage as c>
    {"service": ${c.service?c}, "status": <@s c.status/>, "regions": <@strings c.regions/>, "apiCalls": ${c.apiCalls?c}, "elapsedMs": ${c.elapsedMs?c}, "errors": ${c.errors?c}}<#sep>,</#sep>
</#list>
  ],
  "rules": [
<#list report.rules as r>
    {
      "id": ${r.id?c},
      "severity": ${r.severity?c},
      "service": ${r.service?c},
      "concepts": <@strings r.concepts/>,
      "references": <@strings r.references/>,
      "title": <@s r.title/>,
      "rationale": <@s r.rationale/>,
      "remediation": <@s r.remediation/>
    }<#sep>,</#sep>
</#list>
  ],
  "findings": [
<#-- Hot path (hundreds of thousands of findings): every field here is non-null by construction. -->
<#list report.findings as f>
    {
      "ruleId": ${f.ruleId?c},
      "status": ${f.status?c},
      "severity": ${f.severity?c},
      "service": ${f.service?c},
      "concepts": <@strings f.concepts/>,
      "region": ${f.region?c},
      "resourceId": ${f.resourceId?c},
      "title": ${report.title(f)?c},
      "observed": ${report.text(f.observed)?c},
      "expected": ${report.text(f.expected)?c},
      "observedMessage": ${messages.json(f.observed)},
      "expectedMessage": ${messages.json(f.expected)}<#if f.waiver??>,
      "waiver": {"index": ${f.waiver.index?c}, "resource": ${f.waiver.resource?c}, "reason": ${f.waiver.reason?c}, "approvedBy": ${f.waiver.approvedBy?c}, "expires": ${f.waiver.expires?c}}</#if><#if f.location??>,
      "location": {"file": ${f.location.file?c}, "line": ${f.location.line?c}, "stack": ${f.location.stack?c}, "logicalId": <#if f.location.logicalId??>${f.location.logicalId?c}<#else>null</#if>, "cdkPath": <#if f.location.cdkPath??>${f.location.cdkPath?c}<#else>null</#if>, "defaults": <@strings f.location.defaults/>}</#if>
    }<#sep>,</#sep>
</#list>
  ],
  "waivers": [
<#list report.waivers as w>
    {"index": ${w.index?c}, "ruleId": ${w.ruleId?c}, "resource": ${w.resource?c}, "reason": ${w.reason?c}, "approvedBy": ${w.approvedBy?c}, "expires": ${w.expires?c}, "state": ${w.state?c}, "matched": ${w.matched?c}}<#sep>,</#sep>
</#list>
  ],
<#if report.diff??>
<#assign d = report.diff>
  "diff": {
    "baselineSha256": <@s d.baselineSha256/>,
    "baselineSnapshotSha256": <@s d.baselineSnapshotSha256/>,
    "baselineCollectedAt": <@s d.baselineCollectedAt/>,
    "newFailures": <@entries d.newFailures/>,
    "resolved": <@entries d.resolved/>,
    "stillFailing": <@entries d.stillFailing/>,
    "newlyWaived": <@entries d.newlyWaived/>
  }
<#else>
  "diff": null
</#if>
}
