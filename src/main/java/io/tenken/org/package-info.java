/**
 * Organisation scans: the accounts of an AWS Organization (or a given list, or a shard of it),
 * each scanned through the one pipeline into {@code DIR/<account-id>/}, and the organisation
 * report (accounts × checklist concepts) built from those per-account results, the same way
 * {@code tenken merge} builds it from the directories of several shards.
 */
package io.tenken.org;
