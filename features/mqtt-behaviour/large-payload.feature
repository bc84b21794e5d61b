Feature: A 1500-byte payload both ways (spec 3.3.8 note 2, 4.2)

  1500 bytes is the largest payload one AT+QMTPUBEX input takes (note 2). The module must put all
  of them in one PUBLISH, and a 1500-byte message from the server must reach the host whole, with
  <payload_len> 1500 (msg_len_enable 1). The received payload is compared byte for byte.

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: 1500 bytes go out whole and come in whole

    @spec:3.3.8:max-input @spec:3.3.8:set
    Scenario: The module publishes 1500 bytes and a subscriber of the broker receives all of them
      Given client 0 is connected to the broker as "qmt-big-out"
      When the host sends AT+QMTPUBEX=0,40,1,0,"qmt/big/out",1500 with a payload of 1500 bytes
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,40,0
      And the broker receives a PUBLISH with:
        | topic          | qmt/big/out |
        | packet id      | 40          |
        | payload length | 1500        |

    @spec:4.2:message-with-length @spec:3.3.1:recv/mode:set
    Scenario: Another client publishes 1500 bytes and the host receives all of them
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-big-in"
      And client 0 has subscribed to "qmt/big/in" at QoS 1
      When another client publishes a payload of 1500 bytes to "qmt/big/in" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/big/in",1500,"{published-payload}"
