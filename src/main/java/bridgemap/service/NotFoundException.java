package bridgemap.service;

/** A request for something that is not stored: an unknown node or case id. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
