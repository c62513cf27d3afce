package ir.nix.core.ingress.rest;

import ir.nix.core.exchange.OutcomeCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an inquiry body: a flat JSON object of scalar fields. Parser messages are never passed on,
 * because they quote the offending input. Shared by the channels whose body is the REST JSON (REST, messaging).
 */
@Component
public class JsonFields {

    private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final JsonMapper json;

    JsonFields(JsonMapper json) {
        this.json = json;
    }

    public record Result(Map<String, String> fields, Optional<String> error, OutcomeCode errorOutcome) {
        static Result ok(Map<String, String> fields) {
            return new Result(fields, Optional.empty(), OutcomeCode.OK);
        }

        static Result failed(OutcomeCode outcome, String error) {
            return new Result(Map.of(), Optional.of(error), outcome);
        }
    }

    public Result read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            return Result.failed(OutcomeCode.MALFORMED_REQUEST, "the body is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            return Result.failed(OutcomeCode.MALFORMED_REQUEST, "the body must be a JSON object of input fields");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                return Result.failed(OutcomeCode.INVALID_INPUT, printable(field.getKey()) + ": must be a string or number");
            }
            fields.put(field.getKey(), value.asString());
        }
        return Result.ok(fields);
    }

    private static String printable(String name) {
        return PRINTABLE_NAME.matcher(name).matches() ? name : "(unnamed field)";
    }
}
