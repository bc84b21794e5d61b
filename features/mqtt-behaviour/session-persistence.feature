Feature: Persistent sessions with AT+QMTCFG="session" clean_session 0 (spec 3.3.1; MQTT 3.1.1 3.1.2.4)

  With <clean_session> 0 the server keeps the client's session after it disconnects: its
  subscriptions, and the QoS 1 / QoS 2 messages published to them meanwhile, which it delivers
  when the same client id connects again (the Eclipse Paho interoperability test "offline
  message queueing"). With 1 the session is discarded. The module disconnects with AT+QMTDISC,
  which also closes its network (the simulated firmware, like the 5.1 flow, needs AT+QMTOPEN
  again), then reconnects under the same client id without subscribing again.
  Messages reach the host as +QMTRECV with <payload_len> (recv/mode 0,0,1 as in chapter 5).

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK

  Rule: With clean_session 0 the subscription and the queued QoS 1 messages survive a reconnect

    @spec:3.3.1:session:set @spec:3.3.4:set @spec:3.3.5:set
    Scenario: A QoS 1 message published while the module was away is delivered after it reconnects
      When the host sends AT+QMTCFG="session",0,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-persistent"
      Then the broker receives a CONNECT with:
        | client id     | qmt-persistent |
        | clean session | 0              |
      Given client 0 has subscribed to "qmt/session/queued" at QoS 1
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      When another client publishes "while you were away" to "qmt/session/queued" at QoS 1
      Given client 0 is connected to the broker as "qmt-persistent"
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/session/queued",19,"while you were away"

    @spec:3.3.1:session:set @spec:3.3.4:set
    Scenario: The subscription made before the reconnect still delivers new messages
      When the host sends AT+QMTCFG="session",0,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-persistent-sub"
      And client 0 has subscribed to "qmt/session/live" at QoS 1
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      Given client 0 is connected to the broker as "qmt-persistent-sub"
      When another client publishes "still subscribed" to "qmt/session/live" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/session/live",16,"still subscribed"

  Rule: With clean_session 1 the server forgets the session

    @spec:3.3.1:session:set @spec:3.3.4:set
    Scenario: After a reconnect with a clean session nothing queued is delivered
      When the host sends AT+QMTCFG="session",0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-clean"
      Then the broker receives a CONNECT with:
        | client id     | qmt-clean |
        | clean session | 1         |
      Given client 0 has subscribed to "qmt/session/forgotten" at QoS 1
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      When another client publishes "lost" to "qmt/session/forgotten" at QoS 1
      Given client 0 is connected to the broker as "qmt-clean"
      Then no +QMTRECV URC arrives within 5 seconds
