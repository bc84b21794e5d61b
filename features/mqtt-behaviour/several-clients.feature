Feature: Several MQTT clients on one module at once, client_idx 0~5 (spec 3.3.1 – 3.3.8)

  Every MQTT command takes a <client_idx> 0~5: one module runs up to six MQTT clients, each with
  its own network connection, CONNECT and session. All six are opened and connected together; the
  broker must see six connections, each with the client id its AT+QMTCONN gave, and the traffic
  of one client must stay on its own connection: a publish from client 3 leaves on client 3's
  connection, a message to a topic only client 4 subscribed to is reported for client 4 only.

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given clients 3 and 4 send and receive MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",4,0,1
    Then the module answers OK
    Given client 0 is connected to the broker as "qmt-multi-0"
    And client 1 is connected to the broker as "qmt-multi-1"
    And client 2 is connected to the broker as "qmt-multi-2"
    And client 3 is connected to the broker as "qmt-multi-3"
    And client 4 is connected to the broker as "qmt-multi-4"
    And client 5 is connected to the broker as "qmt-multi-5"

  Rule: Six clients are open and connected at the same time, each with its own CONNECT

    @spec:3.3.1:client_idx:range @spec:3.3.2:set @spec:3.3.4:set @spec:3.3.4:query @spec:3.3.4:state=3
    Scenario: Clients 0 to 5 each hold their own connection to the broker
      Then the broker holds one open connection from the module for each of the client ids "qmt-multi-0", "qmt-multi-1", "qmt-multi-2", "qmt-multi-3", "qmt-multi-4", "qmt-multi-5"
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        +QMTCONN: 0,3
        +QMTCONN: 1,3
        +QMTCONN: 2,3
        +QMTCONN: 3,3
        +QMTCONN: 4,3
        +QMTCONN: 5,3
        OK
        """

  Rule: Each client's traffic stays on its own connection

    @spec:3.3.8:set @spec:3.3.6:set @spec:3.3.1:client_idx:range
    Scenario: Client 3 publishes; client 4, the subscriber, receives it
      Given client 4 has subscribed to "qmt/multi/to-4" at QoS 1
      When the host sends AT+QMTPUBEX=3,7,1,0,"qmt/multi/to-4",6 with payload "from 3"
      Then the module answers OK
      And the module reports +QMTPUBEX: 3,7,0
      And the broker receives from "qmt-multi-3" a PUBLISH with:
        | topic   | qmt/multi/to-4 |
        | payload | from 3         |
      And the module reports +QMTRECV: 4,{publish-msgid},"qmt/multi/to-4",6,"from 3"

    @spec:3.3.5:set @spec:3.3.1:client_idx:range
    Scenario: Disconnecting client 2 leaves the other five connected
      When the host sends AT+QMTDISC=2
      Then the module answers OK
      And the module reports +QMTDISC: 2,0
      And the broker receives from "qmt-multi-2" a DISCONNECT
      And the broker sees the module close its connection
      And the broker holds one open connection from the module for each of the client ids "qmt-multi-0", "qmt-multi-1", "qmt-multi-3", "qmt-multi-4", "qmt-multi-5"
