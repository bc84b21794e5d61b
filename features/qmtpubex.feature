Feature: AT+QMTPUBEX — publish messages (spec 3.3.8)

  After the > prompt the host enters exactly <length> bytes; the module publishes them and
  reports +QMTPUBEX: <idx>,<msgid>,<result>. For QoS 0 the URC follows the 5.1 example
  (ambiguity A4: figure 1 shows none; the profile's reading decides).

  Rule: A publish puts a PUBLISH with the topic, payload, QoS and retain flag on the wire

    @spec:3.3.8:set @spec:3.3.8:result=0 @spec:3.3.8:prompt @spec:3.3.8:max-response-time @reading:A4=urc
    Scenario Outline: Client 0 publishes at QoS <qos>
      Given client 0 is connected to the broker as "qmt-pub"
      When the host sends AT+QMTPUBEX=0,<msgid>,<qos>,<retain>,"qmt/pub/<qos>",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,<msgid>,0
      And the broker receives a PUBLISH with:
        | topic   | qmt/pub/<qos> |
        | payload | hello         |
        | qos     | <qos>         |
        | retain  | <retain>      |

      @spec:3.3.8:qos0-msgid
      Examples: QoS 0
        | qos | msgid | retain |
        | 0   | 0     | 0      |

      @spec:3.3.8:qos1-flow @spec:3.3.8:retain
      Examples: QoS 1, retained
        | qos | msgid | retain |
        | 1   | 11    | 1      |

      @spec:3.3.8:qos2-flow
      Examples: QoS 2
        | qos | msgid | retain |
        | 2   | 12    | 0      |
