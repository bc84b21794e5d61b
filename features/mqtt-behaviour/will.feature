Feature: The Will message configured with AT+QMTCFG="will" (spec 3.3.1; MQTT 3.1.1 3.1.2.5)

  The Will is carried in CONNECT (will flag, QoS, retain, topic, message) and published by the
  server when the connection ends without a DISCONNECT — the Eclipse Paho interoperability test
  "will message". AT+QMTDISC sends DISCONNECT (spec 3.3.5), so after it the Will must NOT be
  published. An observer client of the broker subscribes to the Will topic and reports what the
  server published; the module's link is cut by the broker fixture (FIN, or RST).

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text
    Given an observer client has subscribed to "qmt/will/status" at QoS 1
    When the host sends AT+QMTCFG="will",0,1,1,1,"qmt/will/status","device lost"
    Then the module answers OK

  Rule: The Will configured before AT+QMTCONN is carried in CONNECT

    @spec:3.3.1:will:set @spec:3.3.4:set
    Scenario: CONNECT carries the Will topic, message, QoS and retain flag
      Given client 0 is connected to the broker as "qmt-will-connect"
      Then the broker receives a CONNECT with:
        | client id    | qmt-will-connect |
        | will flag    | 1                |
        | will topic   | qmt/will/status  |
        | will message | device lost      |
        | will qos     | 1                |
        | will retain  | 1                |

  Rule: The server publishes the Will when the module's connection ends abnormally

    @spec:3.3.1:will:set @spec:4.1:err_code=1
    Scenario Outline: The broker <how> the module's connection: the observer receives the Will
      Given client 0 is connected to the broker as "qmt-will-lost"
      When the broker <how> the module's connection
      Then within 10 seconds the module reports +QMTSTAT: 0,1
      And the observer client receives "device lost" on "qmt/will/status"

      Examples: orderly close (FIN)
        | how    |
        | closes |

      Examples: reset (RST)
        | how    |
        | resets |

  Rule: AT+QMTDISC disconnects cleanly: the Will is not published

    @spec:3.3.1:will:set @spec:3.3.5:set @spec:3.3.5:result=0
    Scenario: After AT+QMTDISC the observer receives no Will
      Given client 0 is connected to the broker as "qmt-will-disc"
      When the host sends AT+QMTDISC=0
      Then the module answers OK
      And the module reports +QMTDISC: 0,0
      And the broker receives a DISCONNECT
      And the observer client receives nothing on "qmt/will/status" within 5 seconds
