Feature: Topics beginning with `$` are not matched by leading wildcards (MQTT 3.1.1 §4.7.2)

  MQTT 3.1.1 §4.7.2: a topic filter starting with `#` or `+` must not match a topic name
  starting with `$`. A module subscribed to "#" therefore never reports a message on
  "$qmt/status", while an explicit "$qmt/#" subscription receives it. Control messages on
  ordinary topics show that the wildcard subscriptions themselves work.

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK

  Rule: A `$` topic reaches only a subscription that names the `$` level

    @spec:3.3.6:set @spec:3.3.6:multi-topic @spec:4.2:message-with-length
    Scenario: "#" and "+/status" do not receive "$qmt/status"
      Given client 0 is connected to the broker as "qmt-dollar-wild"
      When the host sends AT+QMTSUB=0,1,"#",1,"+/status",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,1,0,1,1
      When another client publishes "hidden" to "$qmt/status" at QoS 1
      And another client publishes "visible" to "plain/status" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"plain/status",7,"visible"
      # `*` here widens a prohibition, it accepts nothing: no +QMTRECV of this topic may come, with any
      # <msgid>, <payload_len> or payload.
      And the module never reports +QMTRECV: 0,*,"$qmt/status",*,* within 1 second

    @spec:3.3.6:set @spec:4.2:message-with-length
    Scenario: "$qmt/#" receives "$qmt/status"
      Given client 0 is connected to the broker as "qmt-dollar-named"
      And client 0 has subscribed to "$qmt/#" at QoS 1
      When another client publishes "named" to "$qmt/status" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"$qmt/status",5,"named"
