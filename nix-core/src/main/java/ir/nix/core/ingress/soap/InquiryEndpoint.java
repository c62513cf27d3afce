package ir.nix.core.ingress.soap;

import ir.nix.core.ingress.soap.contract.IdentityReply;
import ir.nix.core.ingress.soap.contract.IdentityRequest;
import ir.nix.core.ingress.soap.contract.InquiryFault;
import ir.nix.core.ingress.soap.contract.InquiryPort;
import ir.nix.core.ingress.soap.contract.InsuranceListReply;
import ir.nix.core.ingress.soap.contract.InsuranceListRequest;
import ir.nix.core.ingress.soap.contract.PostalAddressReply;
import ir.nix.core.ingress.soap.contract.PostalAddressRequest;
import ir.nix.core.ingress.soap.contract.PrivatizationStatusReply;
import ir.nix.core.ingress.soap.contract.PrivatizationStatusRequest;
import ir.nix.core.ingress.soap.contract.ShahkarReply;
import ir.nix.core.ingress.soap.contract.ShahkarRequest;
import jakarta.jws.WebService;

/**
 * The WSDL's operations, each handed to the one inquiry pipeline under its service code. An
 * operation carries no logic of its own: validation, policy, provider call and minimisation are the
 * pipeline's, exactly as for REST.
 */
@WebService(endpointInterface = "ir.nix.core.ingress.soap.contract.InquiryPort",
        targetNamespace = SoapContract.NAMESPACE, serviceName = "InquiryService", portName = "InquirySoapPort",
        wsdlLocation = SoapContract.WSDL_LOCATION)
class InquiryEndpoint implements InquiryPort {

    private final SoapInquiries inquiries;

    InquiryEndpoint(SoapInquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public ShahkarReply shahkar(ShahkarRequest request) throws InquiryFault {
        return inquiries.inquire("shahkar", request, ShahkarReply.class);
    }

    @Override
    public PostalAddressReply postalAddress(PostalAddressRequest request) throws InquiryFault {
        return inquiries.inquire("postal-address", request, PostalAddressReply.class);
    }

    @Override
    public IdentityReply identity(IdentityRequest request) throws InquiryFault {
        return inquiries.inquire("identity", request, IdentityReply.class);
    }

    @Override
    public InsuranceListReply insuranceList(InsuranceListRequest request) throws InquiryFault {
        return inquiries.inquire("insurance-list", request, InsuranceListReply.class);
    }

    @Override
    public PrivatizationStatusReply privatizationStatus(PrivatizationStatusRequest request) throws InquiryFault {
        return inquiries.inquire("privatization-status", request, PrivatizationStatusReply.class);
    }
}
