package ir.nix.deploy.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLoadTest {

    private static final String CATALOGUE = """
            [{"code":"shahkar","titles":{"fa":"\\u0634\\u0627\\u0647\\u06a9\\u0627\\u0631","en":"SHAHKAR"},"timeoutMillis":3000,
              "outputs":["matched"],"fee":null,"channels":{"rest":{"method":"POST","path":"/api/v1/inquiries/shahkar"},
              "soap":{"endpoint":"/soap/inquiry","operation":"Shahkar","wsdl":"/soap/inquiry?wsdl"}},
              "example":{"consumer":"MOE","request":{"nationalCode":"0499370899","mobile":"09121234567"}}},
             {"code":"postal-address","channels":{"rest":{"method":"POST","path":"/api/v1/inquiries/postal-address"}},
              "example":{"consumer":"IRCS","request":{"postalCode":"11936 <&> \\"53\\""}}},
             {"code":"no-example","channels":{"rest":{"path":"/api/v1/inquiries/no-example"}}}]
            """;

    @Test
    void everyCataloguedExampleOverEveryChannelItNames() {
        List<TrainingLoad.Inquiry> inquiries = TrainingLoad.inquiries(CATALOGUE);

        assertThat(inquiries).hasSize(3);
        assertThat(inquiries.get(0)).isEqualTo(new TrainingLoad.Inquiry("/api/v1/inquiries/shahkar", "application/json", "MOE",
                "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}", false));
        assertThat(inquiries.get(1)).isEqualTo(new TrainingLoad.Inquiry("/soap/inquiry", "text/xml; charset=utf-8", "MOE",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:nix=\"urn:ir:nix:inquiry:v1\">"
                        + "<soap:Body><nix:ShahkarRequest><nix:nationalCode>0499370899</nix:nationalCode>"
                        + "<nix:mobile>09121234567</nix:mobile></nix:ShahkarRequest></soap:Body></soap:Envelope>", true));
        // Quotes and backslashes escaped again in JSON; markup escaped had it gone to SOAP.
        assertThat(inquiries.get(2).body()).isEqualTo("{\"postalCode\":\"11936 <&> \\\"53\\\"\"}");
    }
}
