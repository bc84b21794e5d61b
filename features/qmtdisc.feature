Feature: AT+QMTDISC — disconnect a client from the MQTT server (spec 3.3.5)

  The client sends DISCONNECT to tell the server it is about to close its TCP/IP connection
  (figure 1, 2.i), answers OK, then +QMTDISC: <client_idx>,<result> within 30 s. Because the
  module says goodbye with DISCONNECT, the server must NOT publish the client's Will (MQTT 3.1.1
  §3.14.4): an observer subscribed to the will topic sees nothing. Result -1 is provoked by
  disconnecting a client that has no network.

  Reading disc-unopened: a client without any network may answer ERROR instead of -1.
  Reading disc-unconnected: a client whose network is open but that never connected has nothing
  to disconnect: -1 "failed to disconnect", or 0. Either way no DISCONNECT goes out (the first
  packet on an MQTT connection must be CONNECT, MQTT 3.1.1 §3.1).

  Rule: The test form lists the client range

    @spec:3.3.5:test
    Scenario: AT+QMTDISC=? reports the supported client range
      When the host sends AT+QMTDISC=?
      Then the module answers:
        """
        +QMTDISC: (0-5)
        OK
        """

  Rule: Disconnecting sends DISCONNECT, answers OK, then +QMTDISC: <client_idx>,0

    @spec:3.3.5:set @spec:3.3.5:result=0 @spec:3.3.5:max-response-time
    Scenario: Client 0 disconnects
      Given client 0 is connected to the broker as "qmt-disc"
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      And the broker receives a DISCONNECT
      And the broker sees the module close its connection
      When the host sends AT+QMTCONN?
      Then the module answers:
        """
        OK
        """

    @spec:3.3.5:set @spec:3.3.5:result=0
    Scenario: Client 0 disconnects after announcing a Will, and no Will is published
      When the host sends AT+QMTCFG="will",0,1,1,0,"qmt/will/disc","gone"
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-disc-will"
      And an observer client has subscribed to "qmt/will/disc" at QoS 1
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      And the broker receives a DISCONNECT
      And the observer client receives nothing on "qmt/will/disc" within 5 seconds

  Rule: A result still pending at AT+QMTDISC is reported as failed, or not at all (reading disc-pending-result)

    # The note is silent on a request still unacknowledged when the host disconnects
    # (src/variants/readings.ts disc-pending-result): its result URC comes with <result> 2 "failed
    # to send the packet" (spec 3.3.7), or never. Success (<result> 0, "ACK received from the
    # server") it cannot be: the broker withheld the UNSUBACK.
    @spec:3.3.5:set @spec:3.3.7:set
    Scenario: An unsubscription still pending at AT+QMTDISC is reported failed or dropped
      Given client 0 is connected to the broker as "qmt-disc-pending"
      And client 0 has subscribed to "qmt/disc/pending" at QoS 1
      And the broker withholds UNSUBACK
      When the host sends AT+QMTUNS=0,5,"qmt/disc/pending"
      Then the module answers OK
      And the broker receives an UNSUBSCRIBE with:
        | packet id | 5 |
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      And by reading disc-pending-result the module reports one of:
        | reported | +QMTUNS: 0,5,2              |
        | dropped  | no +QMTUNS within 3 seconds |
      And the module never reports +QMTUNS: 0,5,0 within 1 second

  Rule: Disconnecting a client without an MQTT connection reports +QMTDISC: <client_idx>,-1

    @spec:3.3.5:set @spec:3.3.5:result=-1
    Scenario: Client 0 has never been connected
      When the host sends AT+QMTDISC=0
      Then by reading disc-unopened the module answers ERROR (error), or OK and reports one of:
        | -1 | +QMTDISC: 0,-1 |

    @spec:3.3.5:set @spec:3.3.5:result=-1
    Scenario: Client 0 has a network but no MQTT connection
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And by reading disc-unconnected the module reports one of:
        | -1 | +QMTDISC: 0,-1 |
        | 0  | +QMTDISC: 0,0  |
      And the broker receives no DISCONNECT within 5 seconds
