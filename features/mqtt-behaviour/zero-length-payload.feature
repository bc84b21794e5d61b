Feature: A message with an empty payload reaches the host (spec 4.2; MQTT 3.1.1 §3.3.3)

  MQTT allows a zero-length PUBLISH payload (§3.3.3; a retained one clears the retained message).
  The module reports it like any other message: +QMTRECV with <payload_len> 0 and an empty
  <payload> (quoted or bare, A33; compared by value).

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: A zero-length message is reported with length 0

    @spec:4.2:message-with-length @spec:3.3.1:recv/mode:set
    Scenario: Another client publishes an empty message at QoS 1
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-empty"
      And client 0 has subscribed to "qmt/empty" at QoS 1
      When another client publishes "" to "qmt/empty" at QoS 1
      Then the broker delivers to the module a PUBLISH with:
        | topic          | qmt/empty |
        | payload length | 0         |
      And the module reports +QMTRECV: 0,{publish-msgid},"qmt/empty",0,""

    @spec:4.2:message @spec:3.3.1:recv/mode:set
    Scenario: Without msg_len_enable the empty message is reported with an empty payload
      When the host sends AT+QMTCFG="recv/mode",0,0,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-empty-nolen"
      And client 0 has subscribed to "qmt/empty" at QoS 1
      When another client publishes "" to "qmt/empty" at QoS 0
      Then the module reports +QMTRECV: 0,0,"qmt/empty",""
