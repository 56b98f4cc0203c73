package dev.latchkey.cli;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.NumberText;
import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for numeric options. picocli's own ({@code Integer.valueOf}, {@code new BigDecimal}) read
 * Unicode digits ({@code 1٠5} = 105) and any exponent; these read through {@link NumberText}, so every option
 * number is ASCII, bounded in length and exponent, and refused with the option's name (picocli prefixes it).
 */
final class AsciiNumbers {

    private AsciiNumbers() { }

    static final class Int implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return (int) NumberText.whole("value", value, 0, Integer.MAX_VALUE);
            } catch (FieldException e) {
                throw new TypeConversionException(e.getMessage().substring("value: ".length()));
            }
        }
    }

    static final class Long implements ITypeConverter<java.lang.Long> {
        @Override
        public java.lang.Long convert(String value) {
            try {
                return NumberText.whole("value", value, 0, java.lang.Long.MAX_VALUE);
            } catch (FieldException e) {
                throw new TypeConversionException(e.getMessage().substring("value: ".length()));
            }
        }
    }

    static final class Decimal implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return NumberText.decimal("value", value);
            } catch (FieldException e) {
                throw new TypeConversionException(e.getMessage().substring("value: ".length()));
            }
        }
    }
}
