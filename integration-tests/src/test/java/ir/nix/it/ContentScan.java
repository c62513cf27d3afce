package ir.nix.it;

import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * 003 Art. 31.4: the known identifiers and values of the test traffic, every service and every
 * channel, and a search for them in whatever the bus wrote — in UTF-8 and both UTF-16 byte orders,
 * so that no encoding hides a hit.
 */
final class ContentScan {

    /** Request identifiers and reply values the traffic below carries; none may be at rest. */
    static final List<String> KNOWN = List.of(
            // SHAHKAR: national codes and mobiles in every form
            "2876543214", "09191002030", "989191002030", "9191002030", "1300130016", "09131112222", "989131112222",
            CraSimulator.FAILING_NATIONAL_CODE,
            // postal-address: the code and what the Post answers
            PostSimulator.TEHRAN_POSTAL_CODE, PostSimulator.UNKNOWN_POSTAL_CODE, "یوسف‌آباد", "خیابان بیست و یکم",
            "کوچه نسترن", "ساختمان نگین", "ضلع شمالی، زنگ دوم",
            // identity: the person and what NOCR answers
            NocrSimulator.LIVING.nationalCode(), "1365/04/12", "13650412", "رضایی",
            // publications: the deceased person NOCR publishes, and the codes of an unreadable publication
            NocrSimulator.DECEASED.nationalCode(), "1300130017",
            // insurance-list and privatization-status: enterprises, workshop, the people on the list
            IpoSimulator.SUBJECT_TO_TRANSFER.nationalId(), IpoSimulator.TRANSFERRED.nationalId(),
            SsoSimulator.SUBJECT_TO_TRANSFER_LIST.workshopCode(),
            SsoSimulator.SUBJECT_TO_TRANSFER_LIST.workers().get(0).nationalCode(),
            SsoSimulator.SUBJECT_TO_TRANSFER_LIST.workers().get(0).insuranceNumber(), "حسینی",
            "شرکت صنایع نساجی البرز نمونه");

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private ContentScan() {
    }

    /** Drives every service over REST and SOAP, answered and refused, with the known values. */
    static int driveEveryService(BusUnderTest bus) {
        List<BusUnderTest.Reply> replies = new ArrayList<>();
        replies.add(bus.inquire("shahkar", "MOE", shahkar("2876543214", "09191002030")));          // matched
        replies.add(bus.inquire("shahkar", "IHIO", shahkar("1300130016", "09131112222")));         // not matched
        replies.add(bus.inquire("shahkar", "IRCS", shahkar("2876543214", "09191002030")));         // no grant
        replies.add(bus.inquire("shahkar", "MOE", shahkar("2876543215", "09191002030")));          // invalid check digit
        replies.add(bus.inquire("shahkar", "MOE", shahkar(CraSimulator.FAILING_NATIONAL_CODE, "09131112222"))); // 502
        replies.add(bus.inquire("shahkar", "MOE", "{\"nationalCode\":\"1300130016\","));          // malformed
        replies.add(bus.inquire("no-such-service", "MOE", shahkar("1300130016", "09131112222")));  // unknown service
        replies.add(bus.post("/api/v1/inquiries/shahkar", java.util.Map.of("Content-Type", "application/json"),
                shahkar("1300130016", "09131112222")));                                          // no consumer
        replies.add(bus.inquire("shahkar", "MOE", "{\"nationalCode\":{\"nested\":\"1300130016\"}}"));  // wrong shape
        replies.add(bus.inquire("postal-address", "IRCS", "{\"postalCode\":\"" + PostSimulator.TEHRAN_POSTAL_CODE + "\"}"));
        replies.add(bus.inquire("postal-address", "IRCS", "{\"postalCode\":\"" + PostSimulator.UNKNOWN_POSTAL_CODE + "\"}"));
        replies.add(bus.inquire("identity", "CBI", "{\"nationalCode\":\"" + NocrSimulator.LIVING.nationalCode()
                + "\",\"birthDate\":\"1365/04/12\"}"));
        replies.add(bus.inquire("privatization-status", "IPO",
                "{\"enterpriseNationalId\":\"" + IpoSimulator.SUBJECT_TO_TRANSFER.nationalId() + "\"}"));
        replies.add(bus.inquire("insurance-list", "IPO", insuranceList(IpoSimulator.SUBJECT_TO_TRANSFER.nationalId())));
        replies.add(bus.inquire("insurance-list", "IPO", insuranceList(IpoSimulator.TRANSFERRED.nationalId())));
        replies.add(bus.post("/soap/inquiry", java.util.Map.of("Content-Type", "text/xml; charset=utf-8",
                "X-NIX-Consumer", "CBI"), soap("IdentityRequest", "<nix:nationalCode>" + NocrSimulator.LIVING.nationalCode()
                + "</nix:nationalCode><nix:birthDate>1365/04/12</nix:birthDate>")));
        replies.add(bus.post("/soap/inquiry", java.util.Map.of("Content-Type", "text/xml; charset=utf-8",
                "X-NIX-Consumer", "IRCS"), soap("PostalAddressRequest", "<nix:postalCode>" + PostSimulator.TEHRAN_POSTAL_CODE
                + "</nix:postalCode>")));
        // insurance-list and its condition check: two exchanges each
        return replies.size() + 2;
    }

    /**
     * Drives the messaging channel with the same values, as an agency's Qpid JMS client does (persistent
     * sends): answered, refused, unreadable JSON and a poison message that is dead-lettered. Waits for
     * every reply and the dead letter, so that the broker has handled them all before the scan.
     */
    static int driveMessaging(int amqpPort) throws JMSException {
        try (Connection connection = new JmsConnectionFactory("MOE", "demo", "amqp://127.0.0.1:" + amqpPort)
                .createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Message> requests = List.of(
                    MessagingInquiryTest.send(session, "MOE", "shahkar", shahkar("2876543214", "09191002030")),
                    MessagingInquiryTest.send(session, "MOE", "shahkar", shahkar("1300130016", "09131112222")),
                    MessagingInquiryTest.send(session, "MOE", "postal-address",
                            "{\"postalCode\":\"" + PostSimulator.TEHRAN_POSTAL_CODE + "\"}"),
                    MessagingInquiryTest.send(session, "MOE", "shahkar", "{\"nationalCode\":\"1300130016\","));
            MapMessage poison = session.createMapMessage();
            poison.setString("nationalCode", "1300130016");
            poison.setString("mobile", "09131112222");
            poison.setStringProperty("service", "shahkar");
            session.createProducer(session.createQueue("nix.MOE.requests")).send(poison);
            List<String> sent = new ArrayList<>();
            for (Message request : requests) {
                sent.add(request.getJMSMessageID());
            }
            sent.add(poison.getJMSMessageID());
            MessagingInquiryTest.receiveAll(session, "nix.MOE.replies", sent);
            MessagingInquiryTest.receive(session, "nix.MOE.dead-letters", poison.getJMSMessageID());
            return requests.size() + 1;
        }
    }

    /**
     * Publishes identity changes and deaths of known persons as NOCR, and one unreadable publication that is
     * dead-lettered; the subscribers consume their copies (matching their tokens), so that both consumed
     * and journal-resident deliveries are scanned. Returns the deliveries made (each has a traffic record).
     */
    static int drivePublications(BusUnderTest bus, int amqpPort) throws JMSException {
        Publications.IssuedKey bank = Publications.issueKey(bus.port, "CBI");
        Publications.IssuedKey insurer = Publications.issueKey(bus.port, "IHIO");
        String person = NocrSimulator.LIVING.nationalCode();
        try (Connection nocr = Publications.connect(amqpPort, "NOCR"); Connection cbi = Publications.connect(amqpPort, "CBI");
             Connection ihio = Publications.connect(amqpPort, "IHIO")) {
            Session session = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Publications.publish(session, "NOCR", "identity-changes", Publications.identityChanges(person, "1404/05/01",
                    "2876543214", "1404/05/02"));
            Publications.publish(session, "NOCR", "deaths", "{\"entries\":[{\"nationalCode\":\""
                    + NocrSimulator.DECEASED.nationalCode() + "\",\"deathDate\":\"1403/12/01\",\"lastName\":\"رضایی\"}]}");
            Message unreadable = Publications.publish(session, "NOCR", "identity-changes",
                    Publications.identityChanges("1300130016", "1404/05/01", "1300130017", "1404/05/01"));
            Publications.receive(cbi.createSession(false, Session.AUTO_ACKNOWLEDGE), "CBI", "identity-changes",
                    Publications.holdsToken(Publications.token(bank.key(), person)));
            Publications.receive(ihio.createSession(false, Session.AUTO_ACKNOWLEDGE), "IHIO", "identity-changes",
                    Publications.holdsToken(Publications.token(insurer.key(), "2876543214")));
            Publications.receive(cbi.createSession(false, Session.AUTO_ACKNOWLEDGE), "CBI", "deaths",
                    Publications.holdsToken(Publications.token(bank.key(), NocrSimulator.DECEASED.nationalCode())));
            MessagingInquiryTest.receive(session, "nix.NOCR.dead-letters", unreadable.getJMSMessageID());
        }
        return 3;
    }

    private static String shahkar(String nationalCode, String mobile) {
        return "{\"nationalCode\":\"" + nationalCode + "\",\"mobile\":\"" + mobile + "\"}";
    }

    private static String insuranceList(String enterprise) {
        SsoSimulator.InsuranceList list = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
        return "{\"enterpriseNationalId\":\"" + enterprise + "\",\"workshopCode\":\"" + list.workshopCode()
                + "\",\"branchCode\":\"" + list.branchCode() + "\",\"year\":" + list.year() + ",\"month\":" + list.month() + "}";
    }

    private static String soap(String element, String items) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:nix=\"urn:ir:nix:inquiry:v1\">"
                + "<soap:Body><nix:" + element + ">" + items + "</nix:" + element + "></soap:Body></soap:Envelope>";
    }

    /** Every known value found in {@code content}, in any of the encodings, labelled with {@code where}. */
    static List<String> hits(String where, byte[] content) {
        String asBytes = new String(content, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String known : KNOWN) {
            for (Charset encoding : ENCODINGS) {
                if (asBytes.contains(new String(known.getBytes(encoding), StandardCharsets.ISO_8859_1))) {
                    found.add(where + " holds " + known + " (" + encoding + ")");
                }
            }
        }
        return found;
    }

    static List<String> hitsInFiles(Path root) {
        List<String> found = new ArrayList<>();
        for (Path file : filesUnder(root)) {
            try {
                found.addAll(hits(root.relativize(file).toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    static List<Path> filesUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
