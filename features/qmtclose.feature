Feature: AT+QMTCLOSE — close the network connection of the MQTT client (spec 3.3.3)

  Rule: Closing an open client answers OK, then +QMTCLOSE: <client_idx>,0, and the TCP connection ends

    @spec:3.3.3:set @spec:3.3.3:result=0 @spec:3.3.3:max-response-time
    Scenario: Client 0 closes its open network connection
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCLOSE=0
      Then the module answers OK
      And the module reports +QMTCLOSE: 0,0
      And the broker sees the module close its connection
