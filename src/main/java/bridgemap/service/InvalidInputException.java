package bridgemap.service;

/** A request that names something wrong: a bad or unknown value of one field (a CLI option, a query parameter). */
public final class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the caller named it (e.g. {@code borough}, {@code asOf}). */
    public String field() {
        return field;
    }
}
