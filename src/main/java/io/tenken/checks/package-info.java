/**
 * Java helpers the DRL rules call where DRL is a poor fit: CIDR arithmetic, glob matching,
 * WAF evaluation order, IAM statement analysis. Each helper is a pure function of facts and
 * policy, unit-tested on its own; the rule files keep the "when" and the verdict.
 */
package io.tenken.checks;
