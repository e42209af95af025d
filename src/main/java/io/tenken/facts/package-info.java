/**
 * Facts: immutable, flat snapshots of account configuration that the Drools rules match on.
 * <p>
 * Why flat: Drools indexes {@code ==} constraints on simple properties and joins on ids, so
 * children (app clients, WAF rules, policy statements) are separate facts that point at their
 * parent by id or ARN rather than nested lists. Every class here is also a JSON shape of the
 * snapshot; adding a field is a snapshot schema change.
 */
package io.tenken.facts;
