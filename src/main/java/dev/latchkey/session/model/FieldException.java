package dev.latchkey.session.model;

/** Bad input: the message always starts with the name (JSON path) of the offending field. */
public final class FieldException extends IllegalArgumentException {

    private final String field;

    public FieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The offending field, e.g. {@code actions[2].policies[0].limit}. */
    public String field() {
        return field;
    }
}
