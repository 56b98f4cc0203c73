package dev.latchkey.chain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC call failed, by {@link Failure}: the endpoint was unreachable, answered with an error object, or answered
 * something that is not what the method returns (null, another JSON type, text that is not hex). Every one is a network
 * failure to the person (CLI exit 5), never a stack trace.
 */
public final class RpcException extends RuntimeException {

    /** Why the call gave no usable answer. */
    public enum Failure {
        /** No answer: connection refused, time-out, interrupted, or an HTTP body that is not JSON-RPC. */
        UNREACHABLE,
        /** A JSON-RPC error object (a revert carries its data). */
        ERROR_RESPONSE,
        /** A result of the wrong shape: null, missing, another JSON type, or malformed hex. */
        MALFORMED_ANSWER
    }

    private static final int SHOWN = 80;

    private final int code;
    private final String data;
    private final Failure failure;

    public RpcException(String message, int code, String data, Throwable cause) {
        this(message, code, data, code != 0 ? Failure.ERROR_RESPONSE : Failure.UNREACHABLE, cause);
    }

    public RpcException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    private RpcException(String message, int code, String data, Failure failure, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.data = data;
        this.failure = failure;
    }

    /** The node answered {@code what} with {@code got}, which is not {@code expected}. */
    public static RpcException malformed(String what, String expected, JsonNode got) {
        String shown = got == null || got.isMissingNode() ? "nothing" : got.isNull() ? "null" : got.getNodeType().name().toLowerCase()
                + " " + abbreviate(got.toString());
        return new RpcException("the node answered " + what + " with " + shown + " where " + expected
                + " was expected; the RPC endpoint is faulty or not an Ethereum node", 0, null, Failure.MALFORMED_ANSWER, null);
    }

    private static String abbreviate(String s) {
        return s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s;
    }

    /** The JSON-RPC error code, or 0 when the call never got an answer. */
    public int code() {
        return code;
    }

    /** The error's {@code data} field (for reverts: the revert data, 0x-hex), or null. */
    public String data() {
        return data;
    }

    public Failure failure() {
        return failure;
    }
}
