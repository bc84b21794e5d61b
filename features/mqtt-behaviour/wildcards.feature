Feature: Topic wildcards in AT+QMTSUB (MQTT 3.1.1 §4.7.1)

  A <topic> of AT+QMTSUB is an MQTT topic filter: `+` matches exactly one level, `#` the
  parent level and every level below it (MQTT 3.1.1 §4.7.1.2–3). The module passes the filter
  unchanged in SUBSCRIBE and reports each matching message as +QMTRECV (spec 4.2); messages
  that do not match never reach it. Non-matching messages are published first, so a wrong
  delivery would arrive before the matching one is awaited.

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK

  Rule: `+` matches exactly one topic level

    @spec:3.3.6:set @spec:4.2:message-with-length
    Scenario: "qmt/wild/+/temp" receives "qmt/wild/kitchen/temp" but not deeper or shallower topics
      Given client 0 is connected to the broker as "qmt-wild-plus"
      And client 0 has subscribed to "qmt/wild/+/temp" at QoS 1
      Then the broker receives a SUBSCRIBE with:
        | subscriptions | qmt/wild/+/temp@1 |
      When another client publishes "deep" to "qmt/wild/kitchen/oven/temp" at QoS 1
      And another client publishes "flat" to "qmt/wild/temp" at QoS 1
      And another client publishes "21.5" to "qmt/wild/kitchen/temp" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/wild/kitchen/temp",4,"21.5"
      # `*` here widens a prohibition, it accepts nothing: no +QMTRECV of this topic may come, with any
      # <msgid>, <payload_len> or payload.
      And the module never reports +QMTRECV: 0,*,"qmt/wild/kitchen/oven/temp",*,* within 1 second
      And the module never reports +QMTRECV: 0,*,"qmt/wild/temp",*,* within 1 second

  Rule: `#` matches the parent level and every level below it

    @spec:3.3.6:set @spec:4.2:message-with-length
    Scenario: "qmt/tree/#" receives "qmt/tree" and "qmt/tree/a/b/c" but not "qmt/treehouse"
      Given client 0 is connected to the broker as "qmt-wild-hash"
      And client 0 has subscribed to "qmt/tree/#" at QoS 1
      Then the broker receives a SUBSCRIBE with:
        | subscriptions | qmt/tree/#@1 |
      When another client publishes "house" to "qmt/treehouse" at QoS 1
      And another client publishes "root" to "qmt/tree" at QoS 1
      And another client publishes "leaf" to "qmt/tree/a/b/c" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/tree",4,"root"
      And the module reports +QMTRECV: 0,{publish-msgid},"qmt/tree/a/b/c",4,"leaf"
      # `*` here widens a prohibition, it accepts nothing: no +QMTRECV of this topic may come, with any
      # <msgid>, <payload_len> or payload.
      And the module never reports +QMTRECV: 0,*,"qmt/treehouse",*,* within 1 second
