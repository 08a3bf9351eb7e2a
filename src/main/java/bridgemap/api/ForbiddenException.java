package bridgemap.api;

/** A request the caller's role may not make (403). */
final class ForbiddenException extends RuntimeException {

    ForbiddenException(String message) {
        super(message);
    }
}
