<#-- The JSON report (contract: report.schema.json). Every string goes through ?c, which in
     the JSON c_format writes a quoted, escaped JSON literal; nulls are written explicitly. -->
<#-- A macro parameter that is null takes its default: the marker below stands for "write null". -->
<#macro s v="\x1Fnull"><#if v?is_string && v == "\x1Fnull">null<#else>${v?c}</#if></#macro>
<#macro strings l>[<#list l as x>${x?c}<#sep>, </#sep></#list>]</#macro>
<#macro counts m>{<#list m as k, v>${k?c}: ${v?c}<#sep>, </#sep></#list>}</#macro>
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
    "lang": <@s m.lang/>
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
      "title": ${f.title?c},
      "observed": ${f.observed?c},
      "expected": ${f.expected?c}
    }<#sep>,</#sep>
</#list>
  ]
}
