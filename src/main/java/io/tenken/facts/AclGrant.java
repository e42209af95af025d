package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** One grant of an S3 bucket ACL (GetBucketAcl), as S3 returns it. */
@Value
@Builder
@Jacksonized
public class AclGrant {
    /** CanonicalUser, Group or AmazonCustomerByEmail. */
    String granteeType;
    /** Canonical user id (CanonicalUser). */
    String granteeId;
    /** Group URI, e.g. http://acs.amazonaws.com/groups/global/AllUsers (Group). */
    String granteeUri;
    /** E-mail address (AmazonCustomerByEmail). */
    String granteeEmail;
    /** FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP. */
    String permission;
}
