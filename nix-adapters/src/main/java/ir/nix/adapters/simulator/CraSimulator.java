package ir.nix.adapters.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.core.agency.AgencyCode;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Communications Regulatory Authority's SHAHKAR API, simulated. Subscribers below own their
 * numbers; any other valid pair is "not matched". One national code stands for a CRA outage.
 */
@Component
public class CraSimulator extends AgencySimulator {

    /** Synthetic subscribers: national code (valid check digit) → mobile in CRA's 98… form. */
    public static final Map<String, String> SUBSCRIBERS = Map.of(
            "0499370899", "989121234567",
            "1234567891", "989351112233",
            "2876543214", "989191002030",
            "0012345679", "989901234567");

    /** A valid national code the simulated CRA answers with an internal error, for demos of 502. */
    public static final String FAILING_NATIONAL_CODE = "4411223341";

    static final String VERIFY = "/shahkar/v2/verify";

    public CraSimulator() {
        super(new AgencyCode("CRA"), VERIFY);
    }

    @Override
    protected void stub(WireMockServer server, String path) {
        server.stubFor(post(urlPathEqualTo(path)).atPriority(10)
                .willReturn(okJson("{\"response\":600,\"result\":\"NOT_MATCH\",\"comment\":\"service number is not registered to this identification\"}")));
        SUBSCRIBERS.forEach((nationalCode, mobile) -> server.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.identificationNo", equalTo(nationalCode)))
                .withRequestBody(matchingJsonPath("$.serviceNumber", equalTo(mobile)))
                .willReturn(okJson("{\"response\":200,\"result\":\"OK\",\"comment\":\"match\"}"))));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.identificationNo", equalTo(FAILING_NATIONAL_CODE)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"response\":500,\"result\":\"INTERNAL_ERROR\"}")));
    }
}
