/**
 * The derive stage ({@code source → snapshot → derive → evaluate}): joins between fact kinds
 * that every source needs (web ACL ↔ CloudFront distribution), computed from the snapshot alone.
 */
package io.tenken.derive;
