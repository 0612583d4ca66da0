import type { HandlerResult } from '../kit/index.ts';

/**
 * The WSDL the mock publishes at `/etframework.wsdl` and `/Service.asmx?wsdl`: SFMC's `etframework.wsdl`
 * cut down to what the mock implements (Perform and Retrieve, their request and response messages,
 * the `Send` object and the filter parts), SOAP 1.1 binding `soapAction="Perform"` and
 * `soapAction="Retrieve"`, and the service address set to the origin it was asked from. A published document, kept here as text; the handlers never build or parse XML.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/wsdl-endpoint-links.htm (the real WSDL's binding, address and schema)
 */
export function toEtFrameworkWsdl(serviceUrl: string): string {
  const address = serviceUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://exacttarget.com/wsdl/partnerAPI" targetNamespace="http://exacttarget.com/wsdl/partnerAPI" name="PartnerAPI">
  <wsdl:types>
    <xsd:schema targetNamespace="http://exacttarget.com/wsdl/partnerAPI" elementFormDefault="qualified">
      <xsd:complexType name="APIObject">
        <xsd:sequence>
          <xsd:element name="PartnerKey" type="xsd:string" minOccurs="0" nillable="true"/>
          <xsd:element name="ModifiedDate" type="xsd:dateTime" minOccurs="0" nillable="true"/>
          <xsd:element name="ID" type="xsd:int" minOccurs="0"/>
          <xsd:element name="ObjectID" type="xsd:string" minOccurs="0" nillable="true"/>
          <xsd:element name="CustomerKey" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="Send">
        <xsd:complexContent>
          <xsd:extension base="tns:APIObject">
            <xsd:sequence>
              <xsd:element name="SendDate" type="xsd:dateTime" minOccurs="0"/>
              <xsd:element name="NumberSent" type="xsd:int" minOccurs="0" nillable="true"/>
              <xsd:element name="NumberDelivered" type="xsd:int" minOccurs="0" nillable="true"/>
              <xsd:element name="SentDate" type="xsd:dateTime" minOccurs="0" nillable="true"/>
              <xsd:element name="EmailName" type="xsd:string" minOccurs="0"/>
              <xsd:element name="Status" type="xsd:string" minOccurs="0"/>
            </xsd:sequence>
          </xsd:extension>
        </xsd:complexContent>
      </xsd:complexType>
      <xsd:complexType name="PerformOptions">
        <xsd:sequence>
          <xsd:element name="RequestType" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="TaskResult">
        <xsd:sequence>
          <xsd:element name="StatusCode" type="xsd:string" minOccurs="0"/>
          <xsd:element name="StatusMessage" type="xsd:string" minOccurs="0"/>
          <xsd:element name="OrdinalID" type="xsd:int" minOccurs="0"/>
          <xsd:element name="ErrorCode" type="xsd:int" minOccurs="0"/>
          <xsd:element name="ID" type="xsd:string" minOccurs="0"/>
          <xsd:element name="InteractionObjectID" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="PerformResult">
        <xsd:sequence>
          <xsd:element name="StatusCode" type="xsd:string"/>
          <xsd:element name="StatusMessage" type="xsd:string" minOccurs="0"/>
          <xsd:element name="OrdinalID" type="xsd:int" minOccurs="0"/>
          <xsd:element name="ErrorCode" type="xsd:int" minOccurs="0"/>
          <xsd:element name="RequestID" type="xsd:string" minOccurs="0"/>
          <xsd:element name="Object" type="tns:APIObject" minOccurs="0"/>
          <xsd:element name="Task" type="tns:TaskResult"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="PerformRequestMsg">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="Options" type="tns:PerformOptions" minOccurs="0"/>
            <xsd:element name="Action" type="xsd:string" minOccurs="0"/>
            <xsd:element name="Definitions" minOccurs="0">
              <xsd:complexType>
                <xsd:sequence>
                  <xsd:element name="Definition" type="tns:APIObject" minOccurs="0" maxOccurs="unbounded"/>
                </xsd:sequence>
              </xsd:complexType>
            </xsd:element>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="PerformResponseMsg">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="Results" minOccurs="0">
              <xsd:complexType>
                <xsd:sequence>
                  <xsd:element name="Result" type="tns:PerformResult" minOccurs="0" maxOccurs="unbounded"/>
                </xsd:sequence>
              </xsd:complexType>
            </xsd:element>
            <xsd:element name="OverallStatus" type="xsd:string"/>
            <xsd:element name="OverallStatusMessage" type="xsd:string"/>
            <xsd:element name="RequestID" type="xsd:string" minOccurs="0"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:complexType name="FilterPart"/>
      <xsd:complexType name="SimpleFilterPart">
        <xsd:complexContent>
          <xsd:extension base="tns:FilterPart">
            <xsd:sequence>
              <xsd:element name="Property" type="xsd:string"/>
              <xsd:element name="SimpleOperator" type="xsd:string"/>
              <xsd:element name="Value" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/>
            </xsd:sequence>
          </xsd:extension>
        </xsd:complexContent>
      </xsd:complexType>
      <xsd:complexType name="ComplexFilterPart">
        <xsd:complexContent>
          <xsd:extension base="tns:FilterPart">
            <xsd:sequence>
              <xsd:element name="LeftOperand" type="tns:FilterPart"/>
              <xsd:element name="LogicalOperator" type="xsd:string"/>
              <xsd:element name="RightOperand" type="tns:FilterPart" minOccurs="0"/>
            </xsd:sequence>
          </xsd:extension>
        </xsd:complexContent>
      </xsd:complexType>
      <xsd:complexType name="RetrieveRequest">
        <xsd:sequence>
          <xsd:element name="ObjectType" type="xsd:string"/>
          <xsd:element name="Properties" type="xsd:string" maxOccurs="unbounded"/>
          <xsd:element name="Filter" type="tns:FilterPart" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="RetrieveRequestMsg">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="RetrieveRequest" type="tns:RetrieveRequest"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="RetrieveResponseMsg">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="OverallStatus" type="xsd:string"/>
            <xsd:element name="RequestID" type="xsd:string" minOccurs="0"/>
            <xsd:element name="Results" type="tns:APIObject" minOccurs="0" maxOccurs="unbounded"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>
  <wsdl:message name="PerformRequestMsg">
    <wsdl:part name="parameters" element="tns:PerformRequestMsg"/>
  </wsdl:message>
  <wsdl:message name="PerformResponseMsg">
    <wsdl:part name="parameters" element="tns:PerformResponseMsg"/>
  </wsdl:message>
  <wsdl:message name="RetrieveRequestMsg">
    <wsdl:part name="parameters" element="tns:RetrieveRequestMsg"/>
  </wsdl:message>
  <wsdl:message name="RetrieveResponseMsg">
    <wsdl:part name="parameters" element="tns:RetrieveResponseMsg"/>
  </wsdl:message>
  <wsdl:portType name="Soap">
    <wsdl:operation name="Perform">
      <wsdl:input message="tns:PerformRequestMsg"/>
      <wsdl:output message="tns:PerformResponseMsg"/>
    </wsdl:operation>
    <wsdl:operation name="Retrieve">
      <wsdl:input message="tns:RetrieveRequestMsg"/>
      <wsdl:output message="tns:RetrieveResponseMsg"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="SoapBinding" type="tns:Soap">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <wsdl:operation name="Perform">
      <soap:operation soapAction="Perform" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
    <wsdl:operation name="Retrieve">
      <soap:operation soapAction="Retrieve" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="PartnerAPI">
    <wsdl:port name="Soap" binding="tns:SoapBinding">
      <soap:address location="${address}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}

/** Whether a `GET /Service.asmx` asks for the WSDL: a `wsdl` query flag in any case (`?wsdl`, `?WSDL`). */
export function asksForWsdl(query: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(query).some((name) => name.toLowerCase() === 'wsdl');
}

/**
 * `GET /Service.asmx` without the `wsdl` flag: ASP.NET shows a help page; the mock answers one
 * text/html line (mock choice), forced or not.
 *
 * @see ../../openapi/sfmc.yaml (getServiceWsdl)
 */
export const SERVICE_HELP_PAGE: HandlerResult = {
  status: 200,
  mediaType: 'text/html',
  body: 'PartnerAPI web service. Add ?wsdl for its description.',
};
