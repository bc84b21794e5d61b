Feature: QoS downgrade between publication and subscription (MQTT 3.1.1 §3.8.4, §3.9.3)

  A message is delivered at the lower of its publication QoS and the QoS the server granted the
  subscription (MQTT 3.1.1 §3.8.4), and the server may grant less than the module asked for
  (§3.9.3), which +QMTSUB must report as the granted value (spec 3.3.6 <value>). The module
  must then follow the QoS it is sent: no PUBACK for QoS 0, PUBACK (not PUBREC) for QoS 1.

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK

  Rule: A QoS 1 message to a QoS 0 subscription arrives at QoS 0 and is not acknowledged

    @spec:4.2:message-with-length @spec:3.3.6:qos:range
    Scenario: Subscribed at QoS 0, a message published at QoS 1 arrives with msgid 0 and no PUBACK
      Given client 0 is connected to the broker as "qmt-down-zero"
      And client 0 has subscribed to "qmt/down/zero" at QoS 0
      When another client publishes "down" to "qmt/down/zero" at QoS 1
      Then the broker delivers to the module a PUBLISH with:
        | topic | qmt/down/zero |
        | qos   | 0             |
      And the module reports +QMTRECV: 0,0,"qmt/down/zero",4,"down"
      And the broker receives no PUBACK within 1 second

  Rule: A subscription granted below the requested QoS is reported and followed

    @spec:3.3.6:value @spec:3.3.6:result=0 @spec:4.2:message-with-length
    Scenario: Granted QoS 1 for a QoS 2 request, a QoS 2 message arrives at QoS 1 and gets a PUBACK
      Given the broker grants at most QoS 1 in SUBACK
      And client 0 is connected to the broker as "qmt-down-granted"
      When the host sends AT+QMTSUB=0,1,"qmt/down/granted",2
      Then the module answers OK
      And the module reports +QMTSUB: 0,1,0,1
      When another client publishes "granted" to "qmt/down/granted" at QoS 2
      Then the broker delivers to the module a PUBLISH with:
        | topic | qmt/down/granted |
        | qos   | 1                |
      And the module reports +QMTRECV: 0,{publish-msgid},"qmt/down/granted",7,"granted"
      And the broker receives a PUBACK
      And the broker receives no PUBREC within 1 second
