package dev.switchboard.core.support;

/** The object does not exist for the caller's tenant (which includes: it belongs to another tenant). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
