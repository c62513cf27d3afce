package ir.nix.core.ingress.soap;

import ir.nix.core.service.ServiceCode;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * Where the SOAP channel lives and how its contract ({@link InquiryWsdl}, served at {@link #WSDL})
 * names things. Each service of the catalogue is an operation named after its service code in
 * PascalCase ({@code postal-address} is {@code PostalAddress}), an identifier in every common language.
 */
public final class SoapContract {

    public static final String NAMESPACE = "urn:ir:nix:inquiry:v1";
    /** The inquiry endpoint, relative to the bus's root. */
    public static final String ENDPOINT = "/soap/inquiry";
    public static final String WSDL = ENDPOINT + "?wsdl";

    static final String SERVLET_MAPPING = "/soap/*";
    static final String ENDPOINT_ADDRESS = "/inquiry";
    /** The key CXF finds the generated contract under (it is no file: {@link InquiryWsdl} writes it at start). */
    static final String WSDL_LOCATION = "classpath:wsdl/nix-inquiry.wsdl";
    static final QName REQUEST_ID = new QName(NAMESPACE, "RequestId");
    static final QName ON_BEHALF_OF = new QName(NAMESPACE, "OnBehalfOf");
    static final QName TRACKING_ID = new QName(NAMESPACE, "TrackingId");
    /** Element suffixes: operation {@code Shahkar} takes {@code ShahkarRequest} and answers {@code ShahkarReply}. */
    static final String REQUEST = "Request";
    static final String REPLY = "Reply";

    private SoapContract() {
    }

    /** The SOAP operation that serves {@code serviceCode}: every service of the catalogue has one. */
    public static Optional<String> operation(String serviceCode) {
        return ServiceCode.isWellFormed(serviceCode) ? Optional.of(new ServiceCode(serviceCode).operationName())
                : Optional.empty();
    }
}
