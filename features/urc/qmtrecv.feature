Feature: +QMTRECV — a message from the server reaches the host (spec 4.2)

  In msg_recv_mode 0 a PUBLISH from the server is reported at once as
  +QMTRECV: <client_idx>,<msgid>,<topic>[,<payload_len>],<payload>; <payload_len> is present when
  msg_len_enable (AT+QMTCFG="recv/mode") is 1 and absent when 0. In msg_recv_mode 1 the message is
  stored and announced as +QMTRECV: <client_idx>,<recv_id> (which mode gives which form is
  ambiguity A30, read the natural way). A QoS 0 message is reported with <msgid> 0.
  Readings this feature depends on: A33 (payload quoted or bare: payloads are compared by value),
  A8 (no stated default for <recv_mode> / <msg_recv_mode> / <msg_len_enable>: every scenario sets
  what it relies on; the Background sets string mode).

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: A PUBLISH to a subscribed topic is reported as +QMTRECV with the payload length when msg_len_enable is 1

    @spec:4.2:message-with-length @spec:3.3.1:recv/mode:set
    Scenario: Another client publishes to a topic client 0 subscribed to
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv"
      And client 0 has subscribed to "qmt/recv/one" at QoS 1
      When another client publishes "hello, module" to "qmt/recv/one" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/recv/one",13,"hello, module"

  Rule: Without msg_len_enable the URC carries no length

    @spec:4.2:message @spec:3.3.1:recv/mode:set
    Scenario: With msg_len_enable 0 the message is reported as idx, msgid, topic and payload
      When the host sends AT+QMTCFG="recv/mode",0,0,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-nolen"
      And client 0 has subscribed to "qmt/recv/nolen" at QoS 1
      When another client publishes "no length here" to "qmt/recv/nolen" at QoS 0
      Then the module reports +QMTRECV: 0,0,"qmt/recv/nolen","no length here"

  Rule: In msg_recv_mode 1 a stored message is announced with its slot

    @spec:4.2:buffered @spec:3.3.1:recv/mode:set
    Scenario: With msg_recv_mode 1 a message is announced as +QMTRECV: <idx>,<recv_id>, not delivered
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-recv-buffered"
      And client 0 has subscribed to "qmt/recv/buffered" at QoS 1
      When another client publishes "kept" to "qmt/recv/buffered" at QoS 1
      Then the module reports +QMTRECV: 0,0
      # `*` here widens a prohibition, it accepts nothing: no +QMTRECV of this topic may come, with any
      # <msgid>, <payload_len> or payload.
      And the module never reports +QMTRECV: 0,*,"qmt/recv/buffered",*,* within 2 seconds
