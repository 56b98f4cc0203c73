package dev.latchkey.chain;

/** A JSON-RPC call failed: the endpoint was unreachable, or it answered with an error object. */
public final class RpcException extends RuntimeException {

    private final int code;
    private final String data;

    public RpcException(String message, int code, String data, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.data = data;
    }

    public RpcException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    /** The JSON-RPC error code, or 0 when the call never got an answer. */
    public int code() {
        return code;
    }

    /** The error's {@code data} field (for reverts: the revert data, 0x-hex), or null. */
    public String data() {
        return data;
    }
}
