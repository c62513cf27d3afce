package ir.nix.core.traffic;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A traffic record as it travels through the durable queue: a JSON object with one property per record
 * component, named as the component, written and read with Jackson's streaming API (issue 12). Every inquiry
 * writes one and the traffic writer reads every one; data binding spent a fifth of the writer's CPU in
 * bean deserialisation and most of a record's encoding in serializer lookups. The form is the one data
 * binding wrote (codes by their stable text, instants ISO-8601, absent or null for no value), so records
 * journalled by an earlier version are read alike.
 */
final class TrafficRecordJson {

    private final JsonMapper json;

    TrafficRecordJson(JsonMapper json) {
        this.json = json;
    }

    /** The JSON property of each {@link TrafficColumn}: the record component's name (tracking_id → trackingId). */
    private static final TrafficColumn[] COLUMNS = TrafficColumn.values();
    private static final String[] PROPERTIES = Arrays.stream(COLUMNS).map(column -> camel(column.column())).toArray(String[]::new);

    /** Every column in {@link TrafficColumn}'s order, each in its stored form (codes as text, instants ISO-8601). */
    byte[] write(TrafficRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(640);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            for (int i = 0; i < COLUMNS.length; i++) {
                Object value = COLUMNS[i].of(record);
                if (value == null) {
                    generator.writeNullProperty(PROPERTIES[i]);
                } else if (value instanceof Number number) {
                    generator.writeNumberProperty(PROPERTIES[i], number.longValue());
                } else if (value instanceof Instant instant) {
                    generator.writeStringProperty(PROPERTIES[i], IsoInstants.format(instant));
                } else {
                    generator.writeStringProperty(PROPERTIES[i], value.toString());
                }
            }
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder(column.length());
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '_' && i + 1 < column.length()) {
                name.append(Character.toUpperCase(column.charAt(++i)));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** Adds the record {@code body} holds, or each record of the JSON array it holds (a group), to {@code into}. */
    void read(byte[] body, List<TrafficRecord> into) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    into.add(record(parser));
                }
            } else if (first == JsonToken.START_OBJECT) {
                into.add(record(parser));
            } else {
                throw new StreamReadException(parser, "a traffic record or an array of them was expected");
            }
        }
    }

    /** One record object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
    private static TrafficRecord record(JsonParser parser) {
        String trackingId = null, parent = null, callerRequestId = null, channel = null, consumer = null;
        String provider = null, service = null, serviceVersion = null, grantId = null, resolutionRef = null;
        String policyVersion = null, policyHash = null, decision = null, outcome = null, receivedAt = null;
        String forwardedAt = null, answeredAt = null, busNode = null, clientCertificate = null, subjectToken = null;
        String reason = null;
        int status = 0, requestBytes = 0, replyBytes = 0;
        long totalMicros = 0;
        Long providerMicros = null;
        Integer itemCount = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            boolean absent = value == JsonToken.VALUE_NULL;
            switch (name) {
                case "trackingId" -> trackingId = text(parser, absent);
                case "parentTrackingId" -> parent = text(parser, absent);
                case "callerRequestId" -> callerRequestId = text(parser, absent);
                case "channel" -> channel = text(parser, absent);
                case "consumer" -> consumer = text(parser, absent);
                case "provider" -> provider = text(parser, absent);
                case "service" -> service = text(parser, absent);
                case "serviceVersion" -> serviceVersion = text(parser, absent);
                case "grantId" -> grantId = text(parser, absent);
                case "resolutionRef" -> resolutionRef = text(parser, absent);
                case "policyVersion" -> policyVersion = text(parser, absent);
                case "policyHash" -> policyHash = text(parser, absent);
                case "decision" -> decision = text(parser, absent);
                case "outcome" -> outcome = text(parser, absent);
                case "status" -> status = parser.getIntValue();
                case "receivedAt" -> receivedAt = text(parser, absent);
                case "forwardedAt" -> forwardedAt = text(parser, absent);
                case "answeredAt" -> answeredAt = text(parser, absent);
                case "totalMicros" -> totalMicros = parser.getLongValue();
                case "providerMicros" -> providerMicros = absent ? null : parser.getLongValue();
                case "requestBytes" -> requestBytes = parser.getIntValue();
                case "replyBytes" -> replyBytes = parser.getIntValue();
                case "busNode" -> busNode = text(parser, absent);
                case "clientCertificate" -> clientCertificate = text(parser, absent);
                case "subjectToken" -> subjectToken = text(parser, absent);
                case "reason" -> reason = text(parser, absent);
                case "itemCount" -> itemCount = absent ? null : parser.getIntValue();
                default -> parser.skipChildren();
            }
        }
        return new TrafficRecord(trackingId(trackingId), trackingId(parent), callerRequestId,
                channel == null ? null : Channel.valueOf(channel), consumer == null ? null : new AgencyCode(consumer),
                provider == null ? null : new AgencyCode(provider), service == null ? null : new ServiceCode(service),
                serviceVersion, grantId, resolutionRef, policyVersion, policyHash,
                decision == null ? null : PolicyVerdict.valueOf(decision), outcome == null ? null : OutcomeCode.valueOf(outcome),
                status, instant(receivedAt), instant(forwardedAt), instant(answeredAt), totalMicros, providerMicros,
                requestBytes, replyBytes, busNode, clientCertificate, subjectToken, reason, itemCount);
    }

    private static String text(JsonParser parser, boolean absent) {
        return absent ? null : parser.getString();
    }

    private static TrackingId trackingId(String text) {
        return text == null ? null : new TrackingId(UUID.fromString(text));
    }

    private static Instant instant(String text) {
        return text == null ? null : IsoInstants.parse(text);
    }
}
