package dev.outbound.core.callerid;

/** Why a caller id was chosen, so that a call's history can say so. */
public enum CallerIdReason {
    /** The strategy presents one fixed number on every call. */
    FIXED,
    /** The next active DID under its caps, in the pool's order. */
    ROUND_ROBIN,
    /** A DID with the callee's North-American area code (local presence). */
    LOCAL_AREA_CODE,
    /** A DID in the callee's region (local presence, when no DID has the area code). */
    SAME_REGION,
    /** The campaign default: no DID fits, or every fitting DID is at its cap. */
    DEFAULT
}
