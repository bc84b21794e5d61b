Feature: Retained messages through AT+QMTPUBEX and AT+QMTSUB (spec 3.3.8 <retain>; MQTT 3.1.1 3.3.1.3)

  <retain> 1 asks the server to keep the message after delivering it to the current subscribers
  (spec 3.3.8), so a client that subscribes later still gets it; a retained message with an
  empty payload removes it (MQTT 3.1.1 3.3.1.3 — the Eclipse Paho interoperability test
  "retained messages"). The note gives <length> no range (A28) and the simulated firmware refuses
  <length> 0, so the empty retained message is published by another client of the broker; the
  module's part is to deliver its retained message and then to receive nothing once it is gone.
  Messages reach the host as +QMTRECV with <payload_len> (recv/mode set to 0,0,1 first, as the
  examples of chapter 5 do).

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given clients 0 and 1 send and receive MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",1,0,1
    Then the module answers OK

  Rule: A message published with <retain> 1 is kept by the server for later subscribers

    @spec:3.3.8:retain @spec:3.3.8:set @spec:3.3.6:set @spec:4.2:message-with-length
    Scenario: Client 0 publishes a retained message; client 1, subscribing afterwards, receives it
      Given client 0 is connected to the broker as "qmt-retain-pub"
      When the host sends AT+QMTPUBEX=0,1,1,1,"qmt/retained/kept",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,1,0
      And the broker receives a PUBLISH with:
        | topic  | qmt/retained/kept |
        | retain | 1                 |
      Given client 1 is connected to the broker as "qmt-retain-sub"
      When the host sends AT+QMTSUB=1,1,"qmt/retained/kept",1
      Then the module answers OK
      And the module reports +QMTSUB: 1,1,0,1
      And the broker delivers to the module a PUBLISH with:
        | topic   | qmt/retained/kept |
        | payload | hello             |
        | retain  | 1                 |
      And the module reports +QMTRECV: 1,{publish-msgid},"qmt/retained/kept",5,"hello"

    @spec:3.3.8:retain @spec:3.3.8:set
    Scenario: A message published with <retain> 0 is not kept for later subscribers
      Given client 0 is connected to the broker as "qmt-noretain-pub"
      When the host sends AT+QMTPUBEX=0,1,1,0,"qmt/retained/not",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,1,0
      And the broker receives a PUBLISH with:
        | topic  | qmt/retained/not |
        | retain | 0                |
      Given client 1 is connected to the broker as "qmt-noretain-sub"
      And client 1 has subscribed to "qmt/retained/not" at QoS 1
      Then no +QMTRECV URC arrives within 5 seconds

    @spec:3.3.6:set @spec:4.2:message-with-length
    Scenario: A message another client retained before the subscription reaches the module on subscribe
      When another client publishes "kept for you" to "qmt/retained/earlier" at QoS 1 retained
      Given client 1 is connected to the broker as "qmt-retain-late"
      And client 1 has subscribed to "qmt/retained/earlier" at QoS 1
      Then the module reports +QMTRECV: 1,{publish-msgid},"qmt/retained/earlier",12,"kept for you"

  Rule: An empty retained message clears what the server kept

    @spec:3.3.8:retain @spec:3.3.8:set
    Scenario: After the retained message is cleared, a new subscriber receives nothing
      Given client 0 is connected to the broker as "qmt-clear-pub"
      When the host sends AT+QMTPUBEX=0,1,1,1,"qmt/retained/clear",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,1,0
      When another client publishes "" to "qmt/retained/clear" at QoS 1 retained
      Given client 1 is connected to the broker as "qmt-clear-sub"
      And client 1 has subscribed to "qmt/retained/clear" at QoS 1
      Then no +QMTRECV URC arrives within 5 seconds
