package ir.nix.core.ingress.soap;

import ir.nix.core.ingress.soap.contract.InquiryPort;
import jakarta.jws.WebMethod;
import java.lang.reflect.Method;
import ir.nix.core.service.ServiceCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Where the SOAP channel lives and what its contract ({@code wsdl/nix-inquiry.wsdl}) offers. The
 * contract names each operation after its service code in PascalCase ({@code postal-address} is
 * {@code PostalAddress}), an identifier in every common language.
 */
public final class SoapContract {

    public static final String NAMESPACE = "urn:ir:nix:inquiry:v1";
    /** The inquiry endpoint, relative to the bus's root. */
    public static final String ENDPOINT = "/soap/inquiry";
    public static final String WSDL = ENDPOINT + "?wsdl";

    static final String SERVLET_MAPPING = "/soap/*";
    static final String ENDPOINT_ADDRESS = "/inquiry";
    static final String WSDL_LOCATION = "classpath:wsdl/nix-inquiry.wsdl";
    static final QName REQUEST_ID = new QName(NAMESPACE, "RequestId");
    static final QName ON_BEHALF_OF = new QName(NAMESPACE, "OnBehalfOf");
    static final QName TRACKING_ID = new QName(NAMESPACE, "TrackingId");
    /** Element suffixes: operation {@code Shahkar} takes {@code ShahkarRequest} and answers {@code ShahkarReply}. */
    static final String REQUEST = "Request";
    static final String REPLY = "Reply";

    /** Read from the generated service interface, so this list cannot drift from the WSDL. */
    private static final Set<String> OPERATIONS = Arrays.stream(InquiryPort.class.getMethods())
            .map(SoapContract::operationName)
            .collect(Collectors.toUnmodifiableSet());

    private SoapContract() {
    }

    /** The SOAP operation that serves {@code serviceCode}, if the contract has one. */
    public static Optional<String> operation(String serviceCode) {
        if (!ServiceCode.isWellFormed(serviceCode)) {
            return Optional.empty();
        }
        String operation = new ServiceCode(serviceCode).operationName();
        return OPERATIONS.contains(operation) ? Optional.of(operation) : Optional.empty();
    }

    /**
     * The operation a request element asks for: {@code ShahkarRequest} is {@code Shahkar}. An element
     * of another name or namespace names no operation (the pipeline answers UNKNOWN_SERVICE).
     */
    static String operationOf(Element request) {
        String name = request.getLocalName();
        boolean named = NAMESPACE.equals(request.getNamespaceURI()) && name != null && name.endsWith(REQUEST);
        String operation = named ? name.substring(0, name.length() - REQUEST.length()) : "";
        return OPERATIONS.contains(operation) ? operation : "";
    }

    /**
     * The service code an operation of the contract serves ({@code PostalAddress} serves
     * {@code postal-address}); empty for a name that is no operation of the contract.
     */
    static String serviceCode(String operation) {
        if (!OPERATIONS.contains(operation)) {
            return "";
        }
        return operation.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-").toLowerCase(Locale.ROOT);
    }

    private static String operationName(Method method) {
        WebMethod annotation = method.getAnnotation(WebMethod.class);
        return annotation == null || annotation.operationName().isEmpty() ? method.getName() : annotation.operationName();
    }
}
