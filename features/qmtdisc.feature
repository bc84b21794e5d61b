Feature: AT+QMTDISC — disconnect a client from the MQTT server (spec 3.3.5)

  Rule: Disconnecting sends DISCONNECT, answers OK, then +QMTDISC: <client_idx>,0

    @spec:3.3.5:set @spec:3.3.5:result=0 @spec:3.3.5:max-response-time
    Scenario: Client 0 disconnects
      Given client 0 is connected to the broker as "qmt-disc"
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      And the broker receives a DISCONNECT
