package dev.latchkey.ui.builder;

import java.util.Optional;
import java.util.function.Function;

/** A field's value as typed: either a value or the reason it is not one (shown next to the field). */
public record Parsed<T>(Optional<T> value, String error) {

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Optional.of(value), "");
    }

    public static <T> Parsed<T> error(String reason) {
        return new Parsed<>(Optional.empty(), reason);
    }

    public boolean isOk() {
        return value.isPresent();
    }

    public T get() {
        return value.orElseThrow(() -> new IllegalStateException(error));
    }

    public <R> Parsed<R> map(Function<? super T, ? extends R> f) {
        return value.<Parsed<R>>map(v -> ok(f.apply(v))).orElseGet(() -> error(error));
    }
}
