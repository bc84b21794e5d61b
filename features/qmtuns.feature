Feature: AT+QMTUNS — unsubscribe from topics (spec 3.3.7)

  Whether +QMTUNS carries a <value> after result 0 is ambiguity A25; the profile's reading
  decides (the 5.1 example prints none).

  Rule: An unsubscription is sent as UNSUBSCRIBE and reported with result 0

    @spec:3.3.7:set @spec:3.3.7:result=0 @spec:3.3.7:max-response-time @reading:A25=no-value
    Scenario: Client 0 unsubscribes from a topic
      Given client 0 is connected to the broker as "qmt-uns"
      And client 0 has subscribed to "qmt/uns/one" at QoS 0
      When the host sends AT+QMTUNS=0,8,"qmt/uns/one"
      Then the module answers OK
      And the module reports +QMTUNS: 0,8,0
      And the broker receives an UNSUBSCRIBE with:
        | packet id       | 8           |
        | unsubscriptions | qmt/uns/one |
