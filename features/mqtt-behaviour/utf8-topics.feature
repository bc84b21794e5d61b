Feature: UTF-8 topic names reach the host intact (MQTT 3.1.1 §1.5.3, §4.7.3; spec 4.2)

  MQTT topic names are UTF-8. A message published on a topic with non-ASCII characters must be
  reported in +QMTRECV with the topic's UTF-8 bytes unchanged. The subscription itself uses an
  ASCII filter with a `+` level: the application note says nothing about non-ASCII characters in
  AT command lines, so this feature does not send any (the simulated firmware rejects them).

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: The topic of a received message is printed as its UTF-8 bytes

    @spec:4.2:message-with-length @spec:3.3.6:set
    Scenario: A message on "qmt/utf8/温度" is reported with that topic
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-utf8"
      And client 0 has subscribed to "qmt/utf8/+" at QoS 1
      When another client publishes "21.5" to "qmt/utf8/温度" at QoS 1
      Then the broker delivers to the module a PUBLISH with:
        | topic | qmt/utf8/温度 |
      And the module reports +QMTRECV: 0,{publish-msgid},"qmt/utf8/温度",4,"21.5"
